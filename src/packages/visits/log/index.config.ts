export default definePageConfig({
  navigationBarTitleText: '记录走访',
})
