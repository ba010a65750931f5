// Main package: the tab pages only. Everything else lives in a subpackage per feature (DESIGN §6).
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/auth', pages: ['login/index'] },
    { root: 'packages/notices', pages: ['detail/index', 'publish/index', 'stats/index'] },
    { root: 'packages/residents', pages: ['apply/index', 'volunteer/index'] },
    {
      root: 'packages/workspace',
      pages: ['index/index', 'roster/index', 'households/index', 'applications/index', 'members/index', 'volunteers/index'],
    },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/notices'] },
    'pages/me/index': { network: 'all', packages: ['packages/residents'] },
  },
  window: {
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
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
})
