/** The dashboard's addresses. */
export const DASHBOARD_PATH = '/administration/bilan'
export const dashboardPaths = {
  page: DASHBOARD_PATH,
  refresh: `${DASHBOARD_PATH}/actualiser`,
  csv: `${DASHBOARD_PATH}/export.csv`,
  xlsx: `${DASHBOARD_PATH}/export.xlsx`,
}
