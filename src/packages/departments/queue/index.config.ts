export default definePageConfig({
  navigationBarTitleText: '交办队列',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
