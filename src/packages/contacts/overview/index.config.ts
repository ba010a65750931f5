export default definePageConfig({
  navigationBarTitleText: '联系户管理',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
