/**
 * The privacy guide (隐私保护指引) as data: what the app collects, why, who sees it, how long, and the
 * person's choices. Keep it in step with the code (and with what the deployer declares in the 小程序管理后台's
 * 用户隐私保护指引): every item here is one the app really collects, nothing more.
 */

export interface PrivacyItem {
  /** what is collected, in everyday words */
  what: string
  /** why, and when it is asked */
  why: string
  /** who sees it whole, and what everyone else sees */
  who: string
}

export interface PrivacySection {
  id: string
  title: string
  items: PrivacyItem[]
}

export const PRIVACY_TITLE = '共治 隐私保护指引'

export const PRIVACY_INTRO =
  '共治是本社区居委会为居民办事开设的小程序。下面按用途说明我们收集哪些信息、为什么要、谁能看到、保存多久，以及您可以怎么做。不需要的信息我们不收集。'

export const PRIVACY_SECTIONS: PrivacySection[] = [
  {
    id: 'login',
    title: '登录',
    items: [
      {
        what: '微信给本小程序的用户标识（不是微信号，也不含微信昵称和头像）',
        why: '用微信登录时认出是您，下次打开不用重新登录。',
        who: '只在服务器上用于登录，不向任何人显示。',
      },
    ],
  },
  {
    id: 'phone',
    title: '手机号',
    items: [
      {
        what: '手机号：您自己填写，或点“使用微信绑定的手机号”由微信提供',
        why: '社区工作人员有事时联系您。不填也能使用其他功能。',
        who: '完整号码只有您本人、本社区工作人员和负责您网格的网格员能看到，其他地方显示为 138****5678。',
      },
    ],
  },
  {
    id: 'resident',
    title: '住户认证',
    items: [
      {
        what: '姓名、所在网格、楼栋/单元/房号、与户主的关系',
        why: '核对您是本社区住户，认证后才能参加议事表决、报名志愿者。',
        who: '本社区工作人员和负责该网格的网格员能看到全名和住址；其他居民看到的姓名经过遮挡（张*明），看不到您的住址。',
      },
      {
        what: '社区导入的住户花名册：户主姓名、房号、成年人数、联系电话；没有智能手机的居民由社区代为登记',
        why: '住户认证时核对，社区联系住户、组织线下表决。',
        who: '只有本社区工作人员和负责该网格的网格员能看到。',
      },
    ],
  },
  {
    id: 'volunteer',
    title: '志愿者申请',
    items: [
      {
        what: '特长、可服务时间（都可以不填）',
        why: '社区安排巡逻值守和志愿服务时参考。',
        who: '只有本社区工作人员能看到。',
      },
    ],
  },
  {
    id: 'report',
    title: '随手拍',
    items: [
      {
        what: '问题的类别、文字描述，您选择的网格',
        why: '把问题交给负责这一片的网格员办理。',
        who: '公开的问题本社区居民都能看到；选择“不公开”的只有您和工作人员能看到。匿名上报时其他居民只看到“居民”，工作人员能看到您的名字以便联系。',
      },
      {
        what: '问题所在的位置：只在您自己点“在地图上选位置”或“获取我的位置”时获取，不会在后台定位',
        why: '找到问题所在的网格，并先列出附近 200 米内别人已经反映的同类问题，免得重复上报。',
        who: '公开的问题连同位置本社区居民能看到；不公开的只有您和工作人员能看到。不愿提供位置时，选择所在网格即可，照样能上报。',
      },
      {
        what: '问题的照片：从相册选择或现场拍摄',
        why: '让办理的人看清问题。',
        who: '照片里记录拍摄地点的信息在上传时就被去掉。照片只发给能看这件问题的人，链接一小时后失效。',
      },
      {
        what: '您对办理结果的评价和留言，点“我也遇到”的记录',
        why: '了解办得好不好，哪些问题很多人遇到。',
        who: '评价留言和重新打开的理由只有您和工作人员能看到；其他居民只知道有人评价过。',
      },
    ],
  },
  {
    id: 'notice',
    title: '社区通知',
    items: [
      {
        what: '您是否读过、确认过某条通知',
        why: '社区了解通知有没有传达到，没收到的再另行告知。',
        who: '发布通知的社区工作人员能看到按网格统计的人数。',
      },
    ],
  },
]

/** Where, how long, and what the person can do: plain paragraphs after the purposes. */
export const PRIVACY_FACTS: { id: string; title: string; lines: string[] }[] = [
  {
    id: 'where',
    title: '信息存在哪里',
    lines: [
      '所有信息都保存在本社区自己的服务器上，不提供给商家，不用于广告。',
      '工作人员导出住户名单、更改人员身份时都会留下记录，可以追查是谁、什么时候做的。',
    ],
  },
  {
    id: 'keep',
    title: '保存多久',
    lines: [
      '您使用本小程序期间一直保存。问题的办理过程是社区的工作记录，办结后仍会保存。',
      '需要删除或更正时，请联系社区居委会。',
    ],
  },
  {
    id: 'choices',
    title: '您可以怎么做',
    lines: [
      '不同意使用位置、相册或相机时，照样可以上报问题：选择所在网格，只写文字即可。',
      '随手拍的问题随时可以改为匿名；受理前可以修改或撤回。',
      '手机号可以在“我的 → 我的信息”里修改。',
      '曾经同意的位置、相册等权限，可以在小程序右上角“···”→“设置”里关闭。',
    ],
  },
  {
    id: 'contact',
    title: '联系我们',
    lines: ['对个人信息有疑问、要查阅、更正或删除，请联系本社区居委会（社区服务站）。'],
  },
]
