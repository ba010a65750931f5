export default definePageConfig({
  navigationBarTitleText: '安排巡逻',
})
