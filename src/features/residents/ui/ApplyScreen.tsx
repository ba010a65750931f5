import { useEffect, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { RELATIONS, RELATION_LABELS, type Relation, type ResidentApplicationView, type ResidentApplyResult } from '@/domain/residents'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { fromNow } from '@/components/time'
import { DraftRestored } from '@/components/DraftRestored'
import { useCommunity } from '@/features/community'
import type { ApplyForm } from '../applyForm'
import { relationText, roomText } from '../format'
import { useMyApplication } from '../useMyApplication'
import { useResidentApply } from '../useResidentApply'
import { ApplicationSubmit } from './ApplicationSubmit'
import { ApplicationStatusCard, type ApplicationStatusIds } from './ApplicationStatusCard'
import './ResidentScreens.scss'

const APPLY_STATUS_IDS: ApplicationStatusIds = {
  status: 'application-status',
  next: 'application-next',
  reason: 'application-reason',
  again: 'apply-again',
  back: 'apply-back',
  card: 'application-card-mine',
}

// the person picks who they are: 「我是户主」 reads as a choice; the result and 我的 still say 户主
const RELATION_CHOICES = RELATIONS.map((r) => ({ value: r, label: r === 'head' ? '我是户主' : RELATION_LABELS[r] }))

export const PENDING_HEAD_TEXT = '花名册里没有找到与您填写一致的户主记录，社区工作人员会核对'
export const PENDING_FAMILY_TEXT = '家庭成员和租户需要社区工作人员核对，一般在 1–2 个工作日内完成'

interface Props {
  me: Me
  /** 回到我的 */
  onBack: () => void
  /** the form found errors: the page scrolls to the first one */
  onInvalid?: () => void
}

/** 住户认证: where the latest application stands, or the form, then the result. */
export function ApplyScreen({ me, onBack, onInvalid }: Props) {
  const app = useMyApplication(me.id, !me.verified)
  const [again, setAgain] = useState(false)

  if (me.verified) {
    return (
      <View className='gz-page resident-screen'>
        <View className='resident-screen__result resident-screen__result--ok' data-testid='apply-already'>
          <Text className='resident-screen__result-word'>✓ 您已是认证住户</Text>
          {me.household ? (
            <Text>
              {me.household.gridName} {roomText(me.household.building, me.household.unit, me.household.room)}
              {me.household.relation ? ` · ${relationText(me.household.relation)}` : ''}
            </Text>
          ) : null}
        </View>
        <ActionButton kind='secondary' block testid='apply-back' onClick={onBack}>
          回到我的
        </ActionButton>
      </View>
    )
  }

  const a = app.application
  const showStatus = app.status === 'ready' && a && (a.status === 'pending' || (a.status === 'rejected' && !again))
  return (
    <View className='gz-page resident-screen'>
      <ListState
        status={app.status}
        error={app.error}
        isEmpty={false}
        emptyText=''
        onRetry={() => void app.reload()}
        skeletonRows={2}
      >
        {showStatus && a ? (
          <StatusCard application={a} onAgain={() => setAgain(true)} onBack={onBack} />
        ) : (
          <Form me={me} from={again ? a : null} onBack={onBack} onInvalid={onInvalid} />
        )}
      </ListState>
    </View>
  )
}

/** The latest application: 待审核 with what happens next, or 未通过 with the reason and 重新申请. */
function StatusCard({
  application: a,
  onAgain,
  onBack,
}: {
  application: ResidentApplicationView
  onAgain: () => void
  onBack: () => void
}) {
  return (
    <ApplicationStatusCard
      title='我的认证申请'
      application={a}
      facts={[
        { label: '住址', value: `${a.gridName} ${roomText(a.building, a.unit, a.room)}` },
        { label: '姓名', value: a.name },
        { label: '与户主关系', value: relationText(a.relation) },
        { label: '提交时间', value: fromNow(a.createdAt) },
      ]}
      nextText='社区工作人员会核对花名册后给出结果，结果会显示在“我的”里。没通过时会写明理由，您可以修改后重新申请。'
      ids={APPLY_STATUS_IDS}
      onAgain={onAgain}
      onBack={onBack}
    />
  )
}

function Form({
  me,
  from,
  onBack,
  onInvalid,
}: {
  me: Me
  from: ResidentApplicationView | null
  onBack: () => void
  onInvalid?: () => void
}) {
  const apply = useResidentApply(me.id)
  const { form, setField, errors, submitting, submitError, result, restoredAt } = apply
  const community = useCommunity()
  const { prefill } = apply
  // 重新申请: start from what the rejected application said (a draft, if any, wins)
  useEffect(() => {
    if (!from) return
    prefill({ gridId: from.gridId, building: from.building, unit: from.unit ?? '', room: from.room, name: from.name, relation: from.relation })
  }, [from, prefill])

  if (result) return <ResultCard result={result} form={form} gridName={community.data?.grids.find((g) => g.id === form.gridId)?.name ?? ''} onBack={onBack} />

  const onSubmit = async () => {
    const outcome = await apply.submit()
    if (!outcome.ok && outcome.reason === 'invalid') onInvalid?.()
  }
  const text = (field: 'building' | 'unit' | 'room' | 'name') => ({
    className: 'gz-input',
    value: form[field],
    onInput: (e: { detail: { value: string } }) => setField(field, e.detail.value),
  })

  return (
    <View className='resident-screen__form' data-testid='apply-form'>
      {restoredAt ? <DraftRestored savedAt={restoredAt} onDiscard={apply.discardDraft} discardLabel='清空重填' testid='apply-draft-restored' discardTestid='apply-discard' /> : null}
      <Text className='resident-screen__intro'>
        填写您家的住址和您的姓名。户主的住址和姓名与社区花名册一致的，提交后立即认证；家庭成员、租户，以及与花名册不一致的，由社区工作人员核对，一般在 1–2 个工作日内完成。这些信息只用于核对住户身份，不会给其他居民看到。
      </Text>

      <Card title='您住在哪里'>
        <FormField label='所在网格' name='gridId' required error={errors.gridId}>
          {community.status === 'loading' ? (
            <Text className='gz-muted'>正在加载网格…</Text>
          ) : community.status === 'error' || !community.data ? (
            <View className='resident-screen__inline-error' data-testid='apply-grids-error'>
              <Text>网格没有加载出来：{community.error?.message ?? '请稍后重试'}</Text>
              <ActionButton kind='secondary' testid='apply-grids-retry' onClick={() => void community.reload()}>
                重试
              </ActionButton>
            </View>
          ) : (
            <ChoiceChips<string>
              options={community.data.grids.map((g) => ({ value: g.id, label: g.name }))}
              value={form.gridId}
              onChange={(v) => setField('gridId', v)}
              testidPrefix='apply-grid'
            />
          )}
        </FormField>
        <FormField label='楼栋/组' name='building' required hint='例如：3栋、5号楼、第二组' error={errors.building}>
          <Input {...text('building')} placeholder='楼栋或村民小组' maxlength={20} data-testid='apply-building' />
        </FormField>
        <FormField label='单元' name='unit' hint='没有单元的不用填' error={errors.unit}>
          <Input {...text('unit')} placeholder='例如：2' maxlength={10} data-testid='apply-unit' />
        </FormField>
        <FormField label='房号' name='room' required hint='例如：301' error={errors.room}>
          <Input {...text('room')} placeholder='门牌号或房号' maxlength={20} data-testid='apply-room' />
        </FormField>
      </Card>

      <Card title='您是谁'>
        <FormField label='姓名' name='name' required hint='请填写真实姓名' error={errors.name}>
          <Input {...text('name')} placeholder='您的姓名' maxlength={20} data-testid='apply-name' />
        </FormField>
        <FormField label='与户主的关系' name='relation' required error={errors.relation}>
          <ChoiceChips<Relation>
            options={RELATION_CHOICES}
            value={form.relation}
            onChange={(v) => setField('relation', v)}
            testidPrefix='apply-relation'
          />
        </FormField>
      </Card>

      <ApplicationSubmit label='提交认证' testidPrefix='apply' submitting={submitting} submitError={submitError} onSubmit={() => void onSubmit()}>
        <Text className='gz-muted'>填写的内容会自动保存在本机，提交成功后清除。</Text>
      </ApplicationSubmit>
    </View>
  )
}

function ResultCard({
  result,
  form,
  gridName,
  onBack,
}: {
  result: ResidentApplyResult
  form: ApplyForm
  gridName: string
  onBack: () => void
}) {
  const verified = result.status === 'verified'
  const where = `${gridName} ${roomText(form.building.trim(), form.unit.trim(), form.room.trim())}`
  return (
    <>
      <View
        className={`resident-screen__result resident-screen__result--${verified ? 'ok' : 'wait'}`}
        data-testid='apply-result'
        data-status={result.status}
      >
        <Text className='resident-screen__result-word'>{verified ? '✓ 已认证' : '待审核'}</Text>
        {verified ? (
          <Text>
            您已认证为 {where} 的住户。现在可以参加议事表决、报名志愿者了。
          </Text>
        ) : (
          <>
            <Text>您的申请已提交（{where}）。</Text>
            <Text data-testid='apply-pending-why'>{form.relation === 'head' ? PENDING_HEAD_TEXT : PENDING_FAMILY_TEXT}。</Text>
            <Text>核对后结果会显示在“我的 → 住户认证”里；没通过时会写明理由，您可以修改后重新申请。</Text>
          </>
        )}
      </View>
      <ActionButton kind={verified ? 'primary' : 'secondary'} size='large' block testid='apply-back' onClick={onBack}>
        回到我的
      </ActionButton>
    </>
  )
}
