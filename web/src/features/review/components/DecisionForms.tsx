// The reviewer's decision on the step that waits for them, with the reasons the process asks for
// (the rules mirror the API's zod schemas in api/applications/schemas.ts):
//   employer review — approve, return for changes (reason), reject (reason);
//   formal review   — pass, one-time correction notice (every item at once: what is wrong, why,
//                     optionally a material to replace), reject (reason);
//   industry evaluation (绿色通道) — a score 0–100 and an opinion;
//   objection       — dismissed or upheld, with a reason.
// Each form makes one Idempotency-Key, so a double click or a retry acts once; after the
// decision the reviewer is back in the inbox, where the task is gone.
import { Button, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useWords } from '../../../lib/words';
import {
  decideAsEmployer,
  decideFormalReview,
  evaluateAsIndustry,
  resolveObjection,
  useDecision,
  type EmployerDecision,
  type FormalReview,
  type IndustryEvaluation,
  type Material,
  type ObjectionResolution,
} from '../api/review';
import { useReviewWords } from '../words';

type T = ReturnType<typeof useReviewWords>;
const reasonRules = (t: T, required: boolean, max = 2000) => [
  ...(required ? [{ required: true, whitespace: true, message: t('review.reason-required') }] : []),
  { max, message: `≤ ${max}` },
];

/**
 * A decision must be chosen. A validator, not `required`: antd would put aria-required on the
 * radio group's <div>, which ARIA does not allow there.
 */
const chosenRule = (t: T) => [
  {
    validator: async (_: unknown, v: unknown) => {
      if (v === undefined) throw new Error(t('review.decision-required'));
    },
  },
];

/** A decision form's frame: one Idempotency-Key for its life, the API's problem, back to the inbox. */
function useDecisionForm<B>(caseId: string, send: (id: string, body: B, key: string) => Promise<unknown>) {
  const navigate = useNavigate();
  const [key] = useState(() => crypto.randomUUID());
  const decision = useDecision(send);
  const submit = (body: B) => {
    if (decision.isPending) return;
    decision.mutate({ id: caseId, body, key }, { onSuccess: () => void navigate('/inbox') });
  };
  return { decision, submit };
}

function Submit({ pending, error, children }: { pending: boolean; error: unknown; children?: ReactNode }) {
  const t = useReviewWords();
  return (
    <>
      {error !== null && error !== undefined && <ProblemAlert error={error} />}
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" htmlType="submit" loading={pending} disabled={pending}>
          {t('review.submit')}
        </Button>
        {children}
      </Space>
    </>
  );
}

/** Drops empty optional fields, as the API takes them (an empty reason is no reason). */
const trimmed = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);

export function EmployerDecisionForm({ caseId }: { caseId: string }) {
  const t = useReviewWords();
  const { word } = useWords();
  const [form] = Form.useForm<{ decision: EmployerDecision['decision']; reason?: string }>();
  const chosen = Form.useWatch('decision', form);
  const { decision, submit } = useDecisionForm(caseId, decideAsEmployer);
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={word('step.employer-review')}
      onFinish={(v) => {
        const reason = trimmed(v.reason);
        submit({ decision: v.decision, ...(reason ? { reason } : {}) });
      }}
    >
      <Form.Item name="decision" label={t('review.decision-label')} rules={chosenRule(t)}>
        <Radio.Group>
          {(['approve', 'return', 'reject'] as const).map((d) => (
            <Radio key={d} value={d}>
              {t(`review.employer.${d}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reason" label={chosen && chosen !== 'approve' ? t('review.reason') : t('review.reason-optional')} rules={reasonRules(t, chosen !== undefined && chosen !== 'approve')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Submit pending={decision.isPending} error={decision.error} />
    </Form>
  );
}

interface FormalValues {
  decision: FormalReview['decision'];
  reason?: string;
  items?: { item?: string; reason?: string; materialId?: string }[];
}

export function FormalReviewForm({ caseId, materials }: { caseId: string; materials: readonly Material[] }) {
  const t = useReviewWords();
  const { word, label } = useWords();
  const [form] = Form.useForm<FormalValues>();
  const chosen = Form.useWatch('decision', form);
  const { decision, submit } = useDecisionForm(caseId, decideFormalReview);
  const current = materials.filter((m) => !m.replacedById && !m.purged);
  return (
    <Form
      form={form}
      layout="vertical"
      aria-label={word('step.formal-review')}
      onFinish={(v) => {
        const reason = trimmed(v.reason);
        if (v.decision === 'correct') {
          const items = (v.items ?? []).map((i) => ({ item: i.item!.trim(), reason: i.reason!.trim(), ...(i.materialId ? { materialId: i.materialId } : {}) }));
          submit({ decision: 'correct', items });
        } else submit({ decision: v.decision, ...(reason ? { reason } : {}) });
      }}
    >
      <Form.Item name="decision" label={t('review.decision-label')} rules={chosenRule(t)}>
        <Radio.Group
          onChange={(e) => {
            if (e.target.value === 'correct' && !(form.getFieldValue('items') as unknown[] | undefined)?.length) form.setFieldValue('items', [{}]);
          }}
        >
          {(['pass', 'correct', 'reject'] as const).map((d) => (
            <Radio key={d} value={d}>
              {t(`review.formal.${d}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      {chosen === 'correct' ? (
        <Form.List
          name="items"
          rules={[
            {
              validator: async (_, items: unknown[] | undefined) => {
                if (!items || items.length === 0) throw new Error(t('review.items-required'));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <div role="group" aria-label={t('review.items')}>
              <Typography.Title level={5}>{t('review.items')}</Typography.Title>
              {fields.map((f, i) => (
                <div role="group" aria-label={t('review.item', { n: i + 1 })} key={f.key} style={{ borderInlineStart: '3px solid #d9d9d9', paddingInlineStart: 12, marginBottom: 12 }}>
                  <Typography.Text strong>{t('review.item', { n: i + 1 })}</Typography.Text>
                  <Form.Item name={[f.name, 'item']} label={t('review.item-what')} rules={[{ required: true, whitespace: true, message: t('review.item-what') }, { max: 200, message: '≤ 200' }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[f.name, 'reason']} label={t('review.item-reason')} rules={reasonRules(t, true)}>
                    <Input.TextArea rows={2} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'materialId']} label={t('review.item-material')}>
                    <Select allowClear options={current.map((m) => ({ value: m.id, label: `${label('evidence', m.kind)} · ${m.title}` }))} />
                  </Form.Item>
                  <Button onClick={() => remove(f.name)}>{t('review.remove-item')}</Button>
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({})}>{t('review.add-item')}</Button>
            </div>
          )}
        </Form.List>
      ) : (
        <Form.Item name="reason" label={chosen === 'reject' ? t('review.reason') : t('review.reason-optional')} rules={reasonRules(t, chosen === 'reject')}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <Submit pending={decision.isPending} error={decision.error} />
    </Form>
  );
}

export function IndustryEvaluationForm({ caseId }: { caseId: string }) {
  const t = useReviewWords();
  const { word } = useWords();
  const { decision, submit } = useDecisionForm(caseId, evaluateAsIndustry);
  return (
    <Form<IndustryEvaluation> layout="vertical" aria-label={word('step.industry-evaluation')} onFinish={(v) => submit({ score: v.score, opinion: v.opinion.trim() })}>
      <Form.Item name="score" label={t('review.industry.score')} rules={[{ required: true, type: 'number', min: 0, max: 100, message: t('review.industry.score-required') }]}>
        <InputNumber min={0} max={100} />
      </Form.Item>
      <Form.Item name="opinion" label={t('review.industry.opinion')} rules={[{ required: true, whitespace: true, message: t('review.industry.opinion-required') }, { max: 5000, message: '≤ 5000' }]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Submit pending={decision.isPending} error={decision.error} />
    </Form>
  );
}

export function ObjectionForm({ caseId }: { caseId: string }) {
  const t = useReviewWords();
  const { word } = useWords();
  const { decision, submit } = useDecisionForm(caseId, resolveObjection);
  return (
    <Form<ObjectionResolution> layout="vertical" aria-label={word('step.objection')} onFinish={(v) => submit({ outcome: v.outcome, reason: v.reason.trim() })}>
      <Form.Item name="outcome" label={t('review.decision-label')} rules={chosenRule(t)}>
        <Radio.Group>
          {(['dismissed', 'upheld'] as const).map((o) => (
            <Radio key={o} value={o}>
              {t(`review.objection.${o}`)}
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="reason" label={t('review.reason')} rules={reasonRules(t, true)}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Submit pending={decision.isPending} error={decision.error} />
    </Form>
  );
}
