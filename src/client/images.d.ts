// The build bundles images as files with content-hashed names; importing one gives its address.
declare module '*.png' {
  const url: string
  export default url
}
