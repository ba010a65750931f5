export default definePageConfig({
  navigationBarTitleText: '起草议题',
})
