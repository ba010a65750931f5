export default definePageConfig({ navigationBarTitleText: '动员详情' })
