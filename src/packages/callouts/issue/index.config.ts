export default definePageConfig({ navigationBarTitleText: '发起动员' })
