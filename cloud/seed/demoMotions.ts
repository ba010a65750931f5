/**
 * The demo motions of 锦江社区 (issue 5), as text only; cloud/seed/seedMotions.ts writes them through the
 * motion store. Times are days relative to the seed time.
 */

export const DEMO_RULES_PREAMBLE =
  '为建设和睦、整洁、安全的美好家园，根据《中华人民共和国城市居民委员会组织法》，结合本社区实际，经居民会议讨论，制定本公约。'

/** 锦江社区居民公约 as adopted (version 1); 第五条 is index 4. */
export const DEMO_RULES_ARTICLES = [
  '邻里之间相互尊重、守望相助。发生纠纷先友好协商，协商不成的，可请网格员或社区人民调解委员会调解。',
  '生活垃圾按可回收物、有害垃圾、厨余垃圾、其他垃圾分类，定时定点投放；大件垃圾和装修垃圾预约清运，不随意丢弃。',
  '文明养犬：犬只依法登记、按时免疫，出户须牵绳并由成年人牵领，主动避让老人和儿童，随手清理犬只粪便。',
  '晚上10点至次日早上7点不进行装修施工，不大声喧哗或播放高音量音响；广场舞等活动音量适度，不影响他人休息。',
  '楼道、消防通道、安全出口保持畅通，不堆放杂物，不在楼道内停放电动自行车或为其充电。',
  '机动车、非机动车在划定车位内停放，不占用消防通道、盲道和绿地；电动自行车到集中充电点充电，严禁私拉电线“飞线”充电。',
  '居民有权对社区公共事务提出意见和建议，积极参加居民会议和议事表决；本公约经居民会议表决通过后施行，由居民委员会监督执行。',
]

/** The 第五条 the consultation motion proposes (its first revision), and the same after the committee took up a comment. */
export const DEMO_ARTICLE5_PROPOSED =
  '楼道、消防通道、安全出口不得堆放杂物，楼道内不停放电动自行车、不充电；楼道物品经网格员提醒后3日内仍未清理的，由物业协助清理。'
export const DEMO_ARTICLE5_REVISED =
  '楼道、消防通道、安全出口不得堆放杂物，楼道内不停放电动自行车、不充电；婴儿车、轮椅可靠墙临时停放，不得堵塞通道。楼道物品经网格员提醒后7日内仍未清理的，由物业协助清理。'

export const DEMO_MOTIONS = {
  rules: {
    id: 'mo_demo_rules',
    title: '锦江社区居民公约',
    preamble: DEMO_RULES_PREAMBLE,
    createdDays: -75,
    consultUntilDays: -64,
    voteFromDays: -63,
    voteUntilDays: -60,
    filedDays: -52,
  },
  article5: {
    id: 'mo_demo_article5',
    title: '关于修订居民公约第五条（楼道堆物）的议题',
    preamble: '近期多个楼栋楼道堆物较多，存在消防隐患。根据居民代表提议，拟对居民公约第五条作如下修订，现征求全体居民意见。',
    createdDays: -5,
    consultUntilDays: 6,
    voteFromDays: 7,
    voteUntilDays: 14,
    comment: {
      id: 'mc_demo_article5',
      authorId: 'u_volunteer_jj1',
      articleIndex: 4,
      text: '3日太短了，有的老人子女不在身边，收拾东西需要时间，建议改成7日。另外婴儿车、轮椅能不能临时放在楼道里？',
      days: -3,
      reply: '感谢您的建议。修订稿已把清理期限改为7日，并写明婴儿车、轮椅可靠墙临时停放，但不得堵塞通道。',
      replyDays: -2,
    },
    revisedDays: -2,
  },
  charging: {
    id: 'mo_demo_charging',
    title: '小区东门增设电动自行车充电棚的选址',
    preamble:
      '东门一带电动自行车停放集中，楼道“飞线”充电屡禁不止。经与物业协商，拟增设一处集中充电棚（约40个充电位，建设费用由物业申请专项资金解决），请各户就选址投票。',
    articles: [
      '充电棚配备智能充电桩，按用电量计费，充满自动断电。',
      '充电棚距住宅外墙不少于6米，配备灭火器和监控摄像头，由物业每日巡查。',
      '得票过半的选址由居委会报街道备案后施工；没有选址过半的，由居委会组织第二轮表决。',
    ],
    options: ['东门内侧原自行车棚（拆旧建新）', '东门外绿化带北侧空地', '2栋北侧原晾衣场'],
    createdDays: -6,
    consultUntilDays: -2,
    voteFromDays: -1,
    voteUntilDays: 3,
  },
  /** 重大事项 (issue 18): in 征求意见, its 稳评 filed as 高 and waiting for 振兴街道's sign-off */
  elevator: {
    id: 'mo_demo_elevator',
    title: '1栋加装电梯及费用分摊方案',
    preamble: '1栋为6层无电梯住宅，老年住户上下楼困难。经楼栋居民提议，拟申请老旧小区改造补助加装电梯一部，余下费用由本栋住户分摊。',
    articles: [
      '电梯设在1栋北侧单元入口，占用部分绿地，施工期约3个月。',
      '扣除补助后的费用按楼层分摊：二层5%，三层15%，四层20%，五层25%，六层35%；一层不分摊。',
      '电梯日常维护费用由二层以上住户按同一比例分担，物业负责日常管理。',
    ],
    options: ['同意加装', '不同意加装'],
    createdDays: -3,
    voteFromDays: 4,
    voteUntilDays: 7,
    assessedDays: -1,
    risk: {
      risks: [
        { category: 'reasonableness', description: '一层住户担心采光和噪音受影响，部分二层住户认为分摊比例偏高。' },
        { category: 'safety', description: '施工期间北侧入口通行受限，老人和儿童出行有安全隐患。' },
        { category: 'controllability', description: '如表决通过率接近三分之二，低层住户可能继续上访，矛盾有扩大的可能。' },
      ],
      summary: '召开1栋楼栋会2次，入户走访征求意见18户，与一层住户单独座谈1次。',
      level: 'high',
      mitigation: '调整施工方案减少遮挡；施工期间设临时通道并安排志愿者值守；对一层住户的诉求由社区党委书记包保，表决前再组织一次协商。',
    },
  },
} as const

/**
 * The ballots already cast on the charging-shed motion: households of 第二、第三网格 only, because a resident
 * who signs in on the login page is placed in a household of 第一网格 and must still be able to vote.
 * h_jj_2_01 is 李秀芳 (u_resident_jj2)'s household.
 */
export const DEMO_CHARGING_BALLOTS: { household: string; channel: 'online' | 'offline'; choice: number; hoursAgo: number }[] = [
  { household: 'h_jj_2_01', channel: 'online', choice: 0, hoursAgo: 20 },
  { household: 'h_jj_2_04', channel: 'online', choice: 1, hoursAgo: 18 },
  { household: 'h_jj_3_02', channel: 'online', choice: 0, hoursAgo: 15 },
  { household: 'h_jj_3_07', channel: 'offline', choice: 2, hoursAgo: 6 },
  { household: 'h_jj_2_09', channel: 'offline', choice: 0, hoursAgo: 6 },
]
