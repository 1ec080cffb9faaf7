import { parseOpenSlo } from './openslo';

const FILE = 'slos/checkout.yaml';

const promSource = (query: string) => ({
  metricSource: {
    type: 'Prometheus',
    metricSourceRef: 'prod',
    spec: { query },
  },
});

/** A valid ratio SLO; `spec` overrides are laid over it. */
function slo(
  /** null leaves the name out. */
  name: string | null = 'availability',
  spec: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { ...(name === null ? {} : { name }), displayName: 'Avail' },
    spec: {
      description: 'Checkout answers',
      budgetingMethod: 'Occurrences',
      timeWindow: [{ duration: '28d', isRolling: true }],
      indicator: {
        metadata: { name: 'checkout-ratio' },
        spec: {
          ratioMetric: {
            counter: true,
            good: promSource('good'),
            total: promSource('total'),
          },
        },
      },
      objectives: [{ displayName: 'three nines', target: 0.999 }],
      ...spec,
    },
    ...extra,
  };
}

const ratioIndicator = (ratio: Record<string, unknown>) => ({
  spec: { ratioMetric: ratio },
});

describe('parseOpenSlo: valid SLOs', () => {
  it('reads a good/total ratio SLO', () => {
    const { definitions, problems } = parseOpenSlo([slo()], FILE);
    expect(problems).toEqual([]);
    expect(definitions).toEqual([
      {
        name: 'availability',
        displayName: 'Avail',
        description: 'Checkout answers',
        file: FILE,
        fieldPrefix: '',
        budgetingMethod: 'Occurrences',
        window: { type: 'rolling', duration: '28d', seconds: 28 * 86400 },
        indicator: {
          type: 'ratio',
          name: 'checkout-ratio',
          counter: true,
          good: {
            type: 'Prometheus',
            sourceRef: 'prod',
            spec: { query: 'good' },
          },
          total: {
            type: 'Prometheus',
            sourceRef: 'prod',
            spec: { query: 'total' },
          },
        },
        objectives: [{ displayName: 'three nines', target: 0.999 }],
      },
    ]);
  });

  it('reads a bad/total ratio that is not a counter', () => {
    const { definitions, problems } = parseOpenSlo(
      [
        slo('errors', {
          indicator: ratioIndicator({
            bad: { metricSource: { type: 'Mackerel', spec: { q: 'bad' } } },
            total: { metricSource: { type: 'Mackerel', spec: { q: 'all' } } },
          }),
        }),
      ],
      FILE,
    );
    expect(problems).toEqual([]);
    const indicator = definitions[0].indicator;
    expect(indicator).toEqual({
      type: 'ratio',
      name: undefined,
      counter: false,
      bad: { type: 'Mackerel', spec: { q: 'bad' } },
      total: { type: 'Mackerel', spec: { q: 'all' } },
    });
    expect(indicator.type === 'ratio' && indicator.good).toBeFalsy();
  });

  it('follows an indicatorRef to a kind: SLI of the same file', () => {
    const sli = {
      apiVersion: 'openslo/v1',
      kind: 'SLI',
      metadata: { name: 'latency-ok' },
      spec: {
        ratioMetric: {
          counter: false,
          good: promSource('fast'),
          total: promSource('all'),
        },
      },
    };
    const withRef = slo('latency', { indicatorRef: 'latency-ok' });
    delete (withRef.spec as Record<string, unknown>).indicator;
    // The SLI may come after the SLO.
    const { definitions, problems } = parseOpenSlo([withRef, sli], FILE);
    expect(problems).toEqual([]);
    expect(definitions).toHaveLength(1);
    expect(definitions[0].indicator).toMatchObject({
      type: 'ratio',
      name: 'latency-ok',
      counter: false,
      good: { spec: { query: 'fast' } },
      total: { spec: { query: 'all' } },
    });
  });

  it('reads a threshold metric with op and value', () => {
    const { definitions, problems } = parseOpenSlo(
      [
        slo('p99', {
          indicator: {
            spec: { thresholdMetric: promSource('histogram_quantile(0.99)') },
          },
          objectives: [
            { target: 0.99, op: 'lte', value: 0.3 },
            { target: 0.9, op: 'gt', value: 0 },
          ],
        }),
      ],
      FILE,
    );
    expect(problems).toEqual([]);
    expect(definitions[0].indicator).toEqual({
      type: 'threshold',
      name: undefined,
      metric: {
        type: 'Prometheus',
        sourceRef: 'prod',
        spec: { query: 'histogram_quantile(0.99)' },
      },
    });
    expect(definitions[0].objectives).toEqual([
      { target: 0.99, op: 'lte', value: 0.3 },
      { target: 0.9, op: 'gt', value: 0 },
    ]);
  });

  it('reads targetPercent as a fraction and keeps several objectives', () => {
    const { definitions, problems } = parseOpenSlo(
      [
        slo('two', {
          objectives: [
            { targetPercent: 99.5, displayName: 'strict' },
            { target: 0.95 },
          ],
        }),
      ],
      FILE,
    );
    expect(problems).toEqual([]);
    expect(definitions[0].objectives).toHaveLength(2);
    expect(definitions[0].objectives[0].target).toBeCloseTo(99.5 / 100, 12);
    expect(definitions[0].objectives[0].displayName).toBe('strict');
    expect(definitions[0].objectives[1]).toEqual({ target: 0.95 });
  });

  it('reads a calendar window', () => {
    const { definitions, problems } = parseOpenSlo(
      [
        slo('monthly', {
          timeWindow: [
            {
              duration: '1M',
              isRolling: false,
              calendar: {
                startTime: '2026-01-01 00:00:00',
                timeZone: 'Asia/Tokyo',
              },
            },
          ],
        }),
      ],
      FILE,
    );
    expect(problems).toEqual([]);
    expect(definitions[0].window).toEqual({
      type: 'calendar',
      duration: '1M',
      count: 1,
      unit: 'months',
      startTime: '2026-01-01 00:00:00',
      timeZone: 'Asia/Tokyo',
    });
  });

  it('reads several SLOs and ignores other kinds and empty documents', () => {
    const { definitions, problems } = parseOpenSlo(
      [
        slo('a'),
        null,
        {
          apiVersion: 'openslo/v1',
          kind: 'DataSource',
          metadata: { name: 'prod' },
        },
        slo('b'),
      ],
      FILE,
    );
    expect(problems).toEqual([]);
    expect(definitions.map(d => d.name)).toEqual(['a', 'b']);
  });
});

describe('parseOpenSlo: problems', () => {
  /** The problems of a single-document file. */
  const problemsOf = (doc: unknown) => parseOpenSlo([doc], FILE);

  it('needs a name', () => {
    const { definitions, problems } = problemsOf(slo(null));
    expect(definitions).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      field: 'metadata.name',
      code: 'required',
    });
    expect(problems[0].slo).toBeUndefined();
    expect(problems[0].message.startsWith(`${FILE}: metadata.name: `)).toBe(
      true,
    );
  });

  it('rejects another apiVersion', () => {
    const { definitions, problems } = problemsOf(
      slo('a', {}, { apiVersion: 'openslo/v2alpha' }),
    );
    expect(definitions).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'apiVersion',
        code: 'unsupported',
        params: expect.objectContaining({
          value: 'openslo/v2alpha',
          expected: 'openslo/v1',
        }),
      }),
    ]);
  });

  it('reads Timeslices objectives with their slice target and window', () => {
    const { definitions, problems } = problemsOf(
      slo('a', {
        budgetingMethod: 'Timeslices',
        objectives: [
          { target: 0.99, timeSliceTarget: 0.95, timeSliceWindow: '5m' },
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect(definitions[0].budgetingMethod).toBe('Timeslices');
    expect(definitions[0].objectives[0]).toEqual({
      target: 0.99,
      timeSliceTarget: 0.95,
      timeSliceWindow: '5m',
      timeSliceSeconds: 300,
    });
  });

  it('needs the slice target and window of a Timeslices objective', () => {
    const { definitions, problems } = problemsOf(
      slo('a', {
        budgetingMethod: 'Timeslices',
        objectives: [
          { target: 0.99, timeSliceWindow: '5m' },
          { target: 0.99, timeSliceTarget: 1.2, timeSliceWindow: '5m' },
          { target: 0.99, timeSliceTarget: 0.9, timeSliceWindow: 'soon' },
        ],
      }),
    );
    expect(definitions).toEqual([]);
    expect(problems.map(p => [p.field, p.code])).toEqual([
      ['spec.objectives[0].timeSliceTarget', 'required'],
      ['spec.objectives[1].timeSliceTarget', 'invalid-value'],
      ['spec.objectives[2].timeSliceWindow', 'invalid-value'],
    ]);
  });

  it('does not support RatioTimeslices yet', () => {
    const { definitions, problems } = problemsOf(
      slo('a', { budgetingMethod: 'RatioTimeslices' }),
    );
    expect(definitions).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        slo: 'a',
        field: 'spec.budgetingMethod',
        code: 'unsupported',
      }),
    ]);
  });

  it('needs a budgetingMethod', () => {
    const { problems } = problemsOf(slo('a', { budgetingMethod: undefined }));
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.budgetingMethod',
        code: 'required',
      }),
    ]);
  });

  it('needs a timeWindow', () => {
    const { problems } = problemsOf(slo('a', { timeWindow: undefined }));
    expect(problems).toEqual([
      expect.objectContaining({ field: 'spec.timeWindow', code: 'required' }),
    ]);
  });

  it('needs a rolling duration', () => {
    const { problems } = problemsOf(
      slo('a', { timeWindow: [{ isRolling: true }] }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.timeWindow[0].duration',
        code: 'required',
      }),
    ]);
  });

  it.each(['1M', '28 days', '0d'])(
    'rejects the rolling duration %p',
    duration => {
      const { problems } = problemsOf(
        slo('a', { timeWindow: [{ duration, isRolling: true }] }),
      );
      expect(problems).toEqual([
        expect.objectContaining({
          field: 'spec.timeWindow[0].duration',
          code: 'invalid-value',
          params: expect.objectContaining({ value: duration }),
        }),
      ]);
    },
  );

  it('rejects an invalid calendar duration', () => {
    const { problems } = problemsOf(
      slo('a', {
        timeWindow: [
          {
            duration: '1h',
            isRolling: false,
            calendar: { startTime: '2026-01-01 00:00:00', timeZone: 'UTC' },
          },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.timeWindow[0].duration',
        code: 'invalid-value',
      }),
    ]);
  });

  it('needs a calendar for a window that is not rolling', () => {
    const { problems } = problemsOf(
      slo('a', { timeWindow: [{ duration: '1M', isRolling: false }] }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.timeWindow[0].calendar',
        code: 'required',
      }),
    ]);
  });

  it('needs a time zone for a calendar window', () => {
    const { problems } = problemsOf(
      slo('a', {
        timeWindow: [
          {
            duration: '1M',
            isRolling: false,
            calendar: { startTime: '2026-01-01 00:00:00' },
          },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.timeWindow[0].calendar.timeZone',
        code: 'required',
      }),
    ]);
  });

  it('rejects an unknown time zone', () => {
    const { problems } = problemsOf(
      slo('a', {
        timeWindow: [
          {
            duration: '1M',
            isRolling: false,
            calendar: {
              startTime: '2026-01-01 00:00:00',
              timeZone: 'Asia/Atlantis',
            },
          },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.timeWindow[0].calendar.timeZone',
        code: 'invalid-value',
        params: expect.objectContaining({ value: 'Asia/Atlantis' }),
      }),
    ]);
  });

  it('rejects a calendar startTime that is not a time', () => {
    const { problems } = problemsOf(
      slo('a', {
        timeWindow: [
          {
            duration: '1M',
            isRolling: false,
            calendar: { startTime: 'someday', timeZone: 'Asia/Tokyo' },
          },
        ],
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.timeWindow[0].calendar.startTime',
        code: 'invalid-value',
      }),
    ]);
  });

  it('rejects a ratio with both good and bad', () => {
    const { problems } = problemsOf(
      slo('a', {
        indicator: ratioIndicator({
          good: promSource('g'),
          bad: promSource('b'),
          total: promSource('t'),
        }),
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator.spec.ratioMetric',
        code: 'invalid-value',
      }),
    ]);
  });

  it('rejects a ratio with neither good nor bad', () => {
    const { problems } = problemsOf(
      slo('a', { indicator: ratioIndicator({ total: promSource('t') }) }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator.spec.ratioMetric',
        code: 'invalid-value',
      }),
    ]);
  });

  it('rejects a counter flag that is not a boolean', () => {
    const { problems } = problemsOf(
      slo('a', {
        indicator: ratioIndicator({
          counter: 'yes',
          good: promSource('g'),
          total: promSource('t'),
        }),
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator.spec.ratioMetric.counter',
        code: 'invalid-type',
      }),
    ]);
  });

  it('needs metricSource.type', () => {
    const { problems } = problemsOf(
      slo('a', {
        indicator: ratioIndicator({
          good: promSource('g'),
          total: { metricSource: { spec: { query: 't' } } },
        }),
      }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator.spec.ratioMetric.total.metricSource.type',
        code: 'required',
      }),
    ]);
  });

  it('needs a metricSource and its spec', () => {
    const { problems } = problemsOf(
      slo('a', {
        indicator: ratioIndicator({
          good: {},
          total: { metricSource: { type: 'Prometheus' } },
        }),
      }),
    );
    expect(problems.map(p => [p.field, p.code])).toEqual([
      ['spec.indicator.spec.ratioMetric.good.metricSource', 'required'],
      ['spec.indicator.spec.ratioMetric.total.metricSource.spec', 'required'],
    ]);
  });

  it('needs a ratioMetric or a thresholdMetric', () => {
    const { problems } = problemsOf(
      slo('a', { indicator: { spec: { rawMetric: {} } } }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.indicator.spec',
        code: 'required',
      }),
    ]);
  });

  it('needs an indicator or an indicatorRef', () => {
    const { problems } = problemsOf(slo('a', { indicator: undefined }));
    expect(problems).toEqual([
      expect.objectContaining({ field: 'spec.indicator', code: 'required' }),
    ]);
  });

  it.each([
    [1, 'target'],
    [1.5, 'target'],
    [0, 'target'],
  ])('rejects target %p', (target, field) => {
    const { problems } = problemsOf(slo('a', { objectives: [{ target }] }));
    expect(problems).toEqual([
      expect.objectContaining({
        field: `spec.objectives[0].${field}`,
        code: 'invalid-value',
        params: expect.objectContaining({ value: target }),
      }),
    ]);
  });

  it('rejects targetPercent 100 on the targetPercent field', () => {
    const { problems } = problemsOf(
      slo('a', { objectives: [{ targetPercent: 100 }] }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'spec.objectives[0].targetPercent',
        code: 'invalid-value',
      }),
    ]);
  });

  it('needs a numeric target', () => {
    expect(
      problemsOf(slo('a', { objectives: [{ displayName: 'x' }] })).problems,
    ).toEqual([
      expect.objectContaining({
        field: 'spec.objectives[0].target',
        code: 'required',
      }),
    ]);
    expect(
      problemsOf(slo('a', { objectives: [{ target: '0.99' }] })).problems,
    ).toEqual([
      expect.objectContaining({
        field: 'spec.objectives[0].target',
        code: 'invalid-type',
      }),
    ]);
  });

  it('needs at least one objective', () => {
    expect(problemsOf(slo('a', { objectives: [] })).problems).toEqual([
      expect.objectContaining({
        field: 'spec.objectives',
        code: 'invalid-value',
      }),
    ]);
  });

  it('names the objective of a threshold SLO that lacks op or value', () => {
    const { problems } = problemsOf(
      slo('a', {
        indicator: { spec: { thresholdMetric: promSource('p99') } },
        objectives: [
          { target: 0.99, value: 1 },
          { target: 0.99, op: 'eq', value: 1 },
          { target: 0.99, op: 'lt' },
        ],
      }),
    );
    expect(problems.map(p => [p.field, p.code])).toEqual([
      ['spec.objectives[0].op', 'required'],
      ['spec.objectives[1].op', 'invalid-value'],
      ['spec.objectives[2].value', 'required'],
    ]);
  });

  it('reports an indicatorRef to an unknown SLI', () => {
    const withRef = slo('a', { indicatorRef: 'nope' });
    delete (withRef.spec as Record<string, unknown>).indicator;
    const { definitions, problems } = problemsOf(withRef);
    expect(definitions).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        slo: 'a',
        field: 'spec.indicatorRef',
        code: 'unknown-reference',
        params: expect.objectContaining({ value: 'nope' }),
      }),
    ]);
  });

  it('reports a duplicate SLO name and keeps the first', () => {
    const first = slo('same');
    const second = slo('same', { objectives: [{ target: 0.5 }] });
    const { definitions, problems } = parseOpenSlo([first, second], FILE);
    expect(definitions).toHaveLength(1);
    expect(definitions[0].objectives).toEqual([
      { displayName: 'three nines', target: 0.999 },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        slo: 'same',
        field: '[1].metadata.name',
        code: 'duplicate',
      }),
    ]);
  });

  it('prefixes fields with the document index in a multi-document file', () => {
    const { definitions, problems } = parseOpenSlo(
      [slo('ok'), slo('broken', { objectives: [{ target: 2 }] })],
      FILE,
    );
    // The bad SLO does not drop the valid one of the same file.
    expect(definitions.map(d => d.name)).toEqual(['ok']);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: FILE,
      slo: 'broken',
      field: '[1].spec.objectives[0].target',
      code: 'invalid-value',
    });
    expect(problems[0].params.field).toBe('[1].spec.objectives[0].target');
    expect(problems[0].message).toMatch(
      /^slos\/checkout\.yaml: \[1\]\.spec\.objectives\[0\]\.target: /,
    );
  });

  it('reports every problem of an SLO', () => {
    const { problems } = problemsOf(
      slo('a', {
        budgetingMethod: 'RatioTimeslices',
        timeWindow: [{ duration: 'forever' }],
        objectives: [{ target: 1 }],
      }),
    );
    expect(problems.map(p => p.field)).toEqual([
      'spec.budgetingMethod',
      'spec.timeWindow[0].duration',
      'spec.objectives[0].target',
    ]);
    expect(problems.every(p => p.slo === 'a')).toBe(true);
    expect(problems.every(p => p.message.startsWith(`${FILE}: `))).toBe(true);
  });

  it('reports a document that is not a mapping', () => {
    const { definitions, problems } = parseOpenSlo(
      ['just text', slo('ok')],
      FILE,
    );
    expect(definitions.map(d => d.name)).toEqual(['ok']);
    expect(problems).toEqual([
      expect.objectContaining({ field: '[0]', code: 'invalid-type' }),
    ]);
  });

  it('needs a spec', () => {
    const { problems } = problemsOf({
      apiVersion: 'openslo/v1',
      kind: 'SLO',
      metadata: { name: 'a' },
    });
    expect(problems).toEqual([
      expect.objectContaining({ slo: 'a', field: 'spec', code: 'required' }),
    ]);
  });
});
