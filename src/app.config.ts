import { TAB_BAR } from './app.tabs'

// Main package: the tab pages only. Everything else lives in a subpackage per feature (DESIGN §6).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/vote/index', 'pages/report/index', 'pages/patrol/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['login/index', 'community/index'] },
    { root: 'packages/notices', pages: ['detail/index', 'publish/index', 'stats/index'] },
    { root: 'packages/residents', pages: ['apply/index', 'volunteer/index'] },
    {
      root: 'packages/reports',
      pages: ['new/index', 'detail/index', 'mine/index', 'queue/index', 'area/index', 'mediate/index', 'deadlines/index'],
    },
    { root: 'packages/motions', pages: ['detail/index', 'draft/index', 'result/index', 'offline/index', 'rules/index', 'risk/index', 'reviews/index'] },
    { root: 'packages/patrols', pages: ['detail/index', 'schedule/index', 'mine/index', 'incident/index'] },
    { root: 'packages/messages', pages: ['index/index'] },
    { root: 'packages/legal', pages: ['privacy/index'] },
    { root: 'packages/meetings', pages: ['record/index'] },
    { root: 'packages/contacts', pages: ['households/index', 'log/index', 'raise/index', 'overview/index'] },
    { root: 'packages/departments', pages: ['queue/index', 'manage/index'] },
    {
      root: 'packages/workspace',
      pages: ['index/index', 'roster/index', 'households/index', 'applications/index', 'members/index', 'volunteers/index', 'grids/index'],
    },
    { root: 'packages/visits', pages: ['work/index', 'log/index', 'coverage/index', 'file/index'] },
    { root: 'packages/points', pages: ['mine/index', 'rules/index', 'board/index', 'shop/index', 'manage/index'] },
    { root: 'packages/warnings', pages: ['list/index', 'detail/index', 'rules/index'] },
    { root: 'packages/callouts', pages: ['list/index', 'detail/index', 'issue/index'] },
    { root: 'packages/audit', pages: ['index'] },
    { root: 'packages/overview', pages: ['index', 'map/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/notices'] },
    'pages/vote/index': { network: 'all', packages: ['packages/motions'] },
    'pages/report/index': { network: 'all', packages: ['packages/reports'] },
    'pages/patrol/index': { network: 'all', packages: ['packages/patrols'] },
    'pages/me/index': { network: 'all', packages: ['packages/residents', 'packages/messages'] },
  },
  window: {
    // the title bar with its back (or home) control on every page: weapp's default, and on H5 Taro draws it
    // only when asked (it hides it otherwise, and a person who published a notice was stranded)
    navigationStyle: 'default',
    backgroundTextStyle: 'dark',
    backgroundColor: '#f2f3f5',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '共治',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#5c6573',
    selectedColor: '#1e5bb8',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: TAB_BAR.map((t) => ({ ...t })),
  },
  lazyCodeLoading: 'requiredComponents',
  // 随手拍 takes the problem's location (DESIGN §6: declared, with its purpose); refusing it leaves the grid picker.
  // 巡逻 check-in reads where the volunteer stands to confirm they are in the shift's area.
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  permission: { 'scope.userLocation': { desc: '用于标注上报问题的位置，以及巡逻签到时确认您在巡逻区域' } },
})
