/**
 * Whether a reply asks for no more SMS: « STOP » as people type it (« stop », « Stop. », « S T O P »,
 * « STOP SMS ») and « ARRÊT », the words French operators honour. Anything else is not a STOP.
 */
export function isStopReply(text: string): boolean {
  const letters = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
  return ['STOP', 'STOPSMS', 'ARRET', 'ARRETSMS', 'ARRETER'].includes(letters)
}
