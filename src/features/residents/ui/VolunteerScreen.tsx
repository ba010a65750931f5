import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { fromNow } from '@/components/time'
import { hasRole } from '@/features/auth'
import { useMyVolunteerApplication } from '../useMyApplication'
import { useVolunteerApply } from '../useVolunteerApply'
import { ApplicationSubmit } from './ApplicationSubmit'
import { ApplicationStatusCard, type ApplicationStatusIds } from './ApplicationStatusCard'
import './ResidentScreens.scss'

interface Props {
  me: Me
  onBack: () => void
  onGoApply: () => void
}

const VOLUNTEER_STATUS_IDS: ApplicationStatusIds = {
  status: 'volunteer-status',
  next: 'volunteer-next',
  reason: 'volunteer-reason',
  again: 'volunteer-again',
  back: 'volunteer-back',
}

/** 志愿者申请: for verified residents; the latest application's status, or the form. */
export function VolunteerScreen({ me, onBack, onGoApply }: Props) {
  const isVolunteer = hasRole(me, 'volunteer')
  const app = useMyVolunteerApplication(me.id, me.verified && !isVolunteer)
  const [again, setAgain] = useState(false)

  if (!me.verified) {
    return (
      <View className='gz-page resident-screen'>
        <View className='gz-banner gz-banner--info' data-testid='volunteer-need-verify'>
          <Text>志愿者需要先认证为本社区住户。请先完成住户认证。</Text>
        </View>
        <ActionButton kind='primary' size='large' block testid='volunteer-go-apply' onClick={onGoApply}>
          住户认证
        </ActionButton>
      </View>
    )
  }
  if (isVolunteer || app.application?.status === 'verified') {
    return (
      <View className='gz-page resident-screen'>
        <View className='resident-screen__result resident-screen__result--ok' data-testid='volunteer-result'>
          <Text className='resident-screen__result-word'>✓ 已是志愿者</Text>
          <Text>您可以报名社区的巡逻值守和志愿服务。</Text>
        </View>
        <ActionButton kind='secondary' block testid='volunteer-back' onClick={onBack}>
          回到我的
        </ActionButton>
      </View>
    )
  }
  const a = app.application
  const showStatus = app.status === 'ready' && a && (a.status === 'pending' || (a.status === 'rejected' && !again))
  return (
    <View className='gz-page resident-screen'>
      <ListState status={app.status} error={app.error} isEmpty={false} emptyText='' onRetry={() => void app.reload()} skeletonRows={2}>
        {showStatus && a ? (
          <Status application={a} onAgain={() => setAgain(true)} onBack={onBack} />
        ) : (
          <Form me={me} onDone={(next) => app.setData(() => next)} />
        )}
      </ListState>
    </View>
  )
}

function Status({ application: a, onAgain, onBack }: { application: VolunteerApplicationView; onAgain: () => void; onBack: () => void }) {
  return (
    <ApplicationStatusCard
      title='我的志愿者申请'
      application={a}
      facts={[
        { label: '特长', value: a.skills || '未填写' },
        { label: '可服务时间', value: a.availability || '未填写' },
        { label: '提交时间', value: fromNow(a.createdAt) },
      ]}
      nextText='社区工作人员审核后，结果会显示在“我的”里。通过后就可以报名巡逻值守。'
      ids={VOLUNTEER_STATUS_IDS}
      onAgain={onAgain}
      onBack={onBack}
    />
  )
}

function Form({ me, onDone }: { me: Me; onDone: (a: VolunteerApplicationView) => void }) {
  const { form, setField, errors, submit, submitting, submitError } = useVolunteerApply(me.id, onDone)
  return (
    <View className='resident-screen__form' data-testid='volunteer-form'>
      <Text className='resident-screen__intro'>
        志愿者参加社区的巡逻值守、帮扶邻里等活动。写下您擅长什么、什么时候有空，方便社区安排。两项都可以不填。
      </Text>
      <Card>
        <FormField label='特长' name='skills' hint='例如：懂电工、会急救、会手语' error={errors.skills}>
          <Textarea
            className='gz-textarea'
            value={form.skills}
            maxlength={200}
            placeholder='您擅长的事'
            onInput={(e) => setField('skills', e.detail.value)}
            data-testid='volunteer-skills'
          />
          <Text className='resident-screen__count'>{[...form.skills].length}/200 字</Text>
        </FormField>
        <FormField label='可服务时间' name='availability' hint='例如：周末上午、工作日晚上' error={errors.availability}>
          <Textarea
            className='gz-textarea'
            value={form.availability}
            maxlength={200}
            placeholder='您方便的时间'
            onInput={(e) => setField('availability', e.detail.value)}
            data-testid='volunteer-availability'
          />
          <Text className='resident-screen__count'>{[...form.availability].length}/200 字</Text>
        </FormField>
      </Card>
      <ApplicationSubmit label='提交申请' testidPrefix='volunteer' submitting={submitting} submitError={submitError} onSubmit={() => void submit()} />
    </View>
  )
}
