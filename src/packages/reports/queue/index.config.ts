export default definePageConfig({
  navigationBarTitleText: '待办问题',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
