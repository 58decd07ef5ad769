// What charts.ts loads at the first page that draws a chart: the chart library and its DOM.
export { renderBarChart } from './bar-chart.ts'
export { renderCommuneMap } from './commune-map.ts'
export { renderTimeChart } from './time-chart.ts'
