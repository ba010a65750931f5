/**
 * `npm run grant -- --openid <openid> --role committee|street|district|city --community <id>`: an operator makes someone staff
 * (on WeChat 云开发 there is no dev login, and the first committee member has nobody to appoint them in the app).
 * The person opens the mini-program once first (that makes their account); their openid is then in the users
 * table. Grid workers and everything else are then given in the app.
 */
import { redactUrl } from '../cloud/adapters/postgres/pool'
import { configFromEnv, openStore } from '../cloud/compose'
import type { StaffGrant } from '../cloud/shared/ports'

const ROLES: Record<StaffGrant, string> = {
  committee: '社区/村委会工作人员',
  street: '街道工作人员',
  district: '区综治中心工作人员',
  city: '市综治中心工作人员',
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main() {
  const openid = arg('openid')
  const role = arg('role') as StaffGrant | undefined
  const communityId = arg('community')
  if (!openid || !role || !(role in ROLES) || !communityId) {
    console.error('用法：npm run grant -- --openid <微信 openid> --role committee|street|district|city --community <社区编号>')
    process.exit(2)
  }
  const { db } = configFromEnv()
  const store = await openStore(db)
  try {
    const community = await store.communities.get(communityId)
    if (!community) {
      console.error(`没有编号为 ${communityId} 的社区`)
      process.exit(2)
    }
    const user = await store.users.grantRole(openid, role, communityId, (userId) => ({
      at: new Date().toISOString(),
      actorId: 'operator',
      action: 'user.grantRole',
      targetType: 'user',
      targetId: userId,
      communityId,
      detail: { role, via: 'npm run grant' },
    }))
    if (!user) {
      console.error(`没有找到这个 openid 的用户：请让本人先打开一次小程序，再运行本命令（${db.engine === 'sqlite' ? db.file : redactUrl(db.url)}）`)
      process.exit(1)
    }
    console.log(`已将 ${user.name}（${user.id}）设为 ${community.name} 的${ROLES[role]}；现有身份：${user.roles.join('、')}`)
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  console.error(`失败：${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
