import type {
  SloDefinition,
  SloIndicator,
  SloMetricSource,
  SloObjective,
  SloProblem,
  SloThresholdOperator,
  SloWindow,
} from './types';
import {
  isValidTimeZone,
  parseCalendarDuration,
  parseCalendarStart,
  parseFixedDuration,
} from './window';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const OPERATORS: SloThresholdOperator[] = ['lt', 'lte', 'gt', 'gte'];

/** Collects problems with the file, SLO and field they belong to. */
class ProblemList {
  readonly problems: SloProblem[] = [];
  constructor(private readonly file: string) {}

  add(
    slo: string | undefined,
    field: string,
    code: SloProblem['code'],
    params: Record<string, string | number>,
    reason: string,
  ): undefined {
    this.problems.push({
      file: this.file,
      ...(slo ? { slo } : {}),
      field,
      code,
      params: { field, ...params },
      message: `${this.file}: ${field ? `${field}: ` : ''}${reason}`,
    });
    return undefined;
  }
}

/**
 * Reads the OpenSLO v1 documents of one file: every `kind: SLO` with an inline
 * `indicator` or an `indicatorRef` to a `kind: SLI` of the same file. An SLO
 * with a problem is left out and its problems say which field and why; the
 * other SLOs of the file still count. Other OpenSLO kinds are ignored.
 * @public
 */
export function parseOpenSlo(
  documents: unknown[],
  file: string,
): { definitions: SloDefinition[]; problems: SloProblem[] } {
  const problems = new ProblemList(file);
  const indicators = new Map<string, Json>();
  documents.forEach(doc => {
    if (isObject(doc) && doc.kind === 'SLI' && isObject(doc.metadata)) {
      indicators.set(String(doc.metadata.name), doc);
    }
  });

  const definitions: SloDefinition[] = [];
  const seen = new Set<string>();
  documents.forEach((doc, index) => {
    const at = documents.length > 1 ? `[${index}].` : '';
    if (doc === null || doc === undefined) return;
    if (!isObject(doc)) {
      problems.add(
        undefined,
        at.replace(/\.$/, ''),
        'invalid-type',
        { expected: 'object' },
        'a document must be a mapping',
      );
      return;
    }
    if (doc.apiVersion !== 'openslo/v1') {
      problems.add(
        undefined,
        `${at}apiVersion`,
        'unsupported',
        { value: String(doc.apiVersion), expected: 'openslo/v1' },
        `apiVersion '${String(
          doc.apiVersion,
        )}' is not supported; use openslo/v1`,
      );
      return;
    }
    if (doc.kind !== 'SLO') return;
    const definition = parseSlo(doc, at, file, problems, indicators);
    if (!definition) return;
    if (seen.has(definition.name)) {
      problems.add(
        definition.name,
        `${at}metadata.name`,
        'duplicate',
        { value: definition.name },
        `another SLO of this file is also named '${definition.name}'`,
      );
      return;
    }
    seen.add(definition.name);
    definitions.push(definition);
  });
  return { definitions, problems: problems.problems };
}

function parseSlo(
  doc: Json,
  at: string,
  file: string,
  problems: ProblemList,
  indicators: Map<string, Json>,
): SloDefinition | undefined {
  const before = problems.problems.length;
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const name =
    typeof metadata.name === 'string' && metadata.name.trim()
      ? metadata.name
      : problems.add(
          undefined,
          `${at}metadata.name`,
          'required',
          {},
          'every SLO needs a name',
        );
  const spec = isObject(doc.spec) ? doc.spec : undefined;
  if (!spec) {
    problems.add(name, `${at}spec`, 'required', {}, 'spec is missing');
    return undefined;
  }

  const budgetingMethod =
    spec.budgetingMethod === 'Timeslices' ? 'Timeslices' : 'Occurrences';
  if (
    spec.budgetingMethod !== 'Occurrences' &&
    spec.budgetingMethod !== 'Timeslices'
  ) {
    if (spec.budgetingMethod === 'RatioTimeslices') {
      problems.add(
        name,
        `${at}spec.budgetingMethod`,
        'unsupported',
        { value: spec.budgetingMethod },
        `budgetingMethod ${spec.budgetingMethod} is not supported yet; use Occurrences or Timeslices`,
      );
    } else {
      problems.add(
        name,
        `${at}spec.budgetingMethod`,
        spec.budgetingMethod === undefined ? 'required' : 'invalid-value',
        { expected: 'Occurrences, Timeslices' },
        'budgetingMethod must be Occurrences or Timeslices',
      );
    }
  }

  const window = parseWindow(
    spec.timeWindow,
    `${at}spec.timeWindow`,
    name,
    problems,
  );

  let indicatorDoc: Json | undefined;
  let indicatorField = `${at}spec.indicator`;
  if (isObject(spec.indicator)) {
    indicatorDoc = spec.indicator;
  } else if (typeof spec.indicatorRef === 'string') {
    indicatorDoc = indicators.get(spec.indicatorRef);
    indicatorField = `${at}spec.indicatorRef`;
    if (!indicatorDoc) {
      problems.add(
        name,
        indicatorField,
        'unknown-reference',
        { value: spec.indicatorRef },
        `no kind: SLI named '${spec.indicatorRef}' in this file`,
      );
    }
  } else {
    problems.add(
      name,
      indicatorField,
      'required',
      {},
      'an SLO needs an indicator or an indicatorRef',
    );
  }
  const indicator = indicatorDoc
    ? parseIndicator(indicatorDoc, indicatorField, name, problems)
    : undefined;

  const objectives = parseObjectives(
    spec.objectives,
    `${at}spec.objectives`,
    name,
    indicator?.type,
    budgetingMethod,
    problems,
  );

  if (problems.problems.length > before || !name || !window || !indicator) {
    return undefined;
  }
  return {
    name,
    displayName:
      typeof metadata.displayName === 'string'
        ? metadata.displayName
        : undefined,
    description:
      typeof spec.description === 'string' ? spec.description : undefined,
    file,
    fieldPrefix: at,
    budgetingMethod,
    window,
    indicator,
    objectives: objectives ?? [],
  };
}

function parseWindow(
  value: unknown,
  field: string,
  slo: string | undefined,
  problems: ProblemList,
): SloWindow | undefined {
  if (!Array.isArray(value) || value.length !== 1 || !isObject(value[0])) {
    return problems.add(
      slo,
      field,
      value === undefined ? 'required' : 'invalid-value',
      {},
      'timeWindow must be a list of exactly one window',
    );
  }
  const window = value[0];
  const duration = typeof window.duration === 'string' ? window.duration : '';
  if (
    window.isRolling === true ||
    (window.isRolling === undefined && !window.calendar)
  ) {
    const seconds = parseFixedDuration(duration);
    if (!seconds) {
      return problems.add(
        slo,
        `${field}[0].duration`,
        duration ? 'invalid-value' : 'required',
        { value: duration },
        `a rolling window needs a duration such as 28d or 4w (got '${duration}')`,
      );
    }
    return { type: 'rolling', duration, seconds };
  }
  const calendar = parseCalendarDuration(duration);
  if (!calendar) {
    return problems.add(
      slo,
      `${field}[0].duration`,
      duration ? 'invalid-value' : 'required',
      { value: duration },
      `a calendar window needs a duration such as 1M, 1Q or 1w (got '${duration}')`,
    );
  }
  if (!isObject(window.calendar)) {
    return problems.add(
      slo,
      `${field}[0].calendar`,
      'required',
      {},
      'a window with isRolling: false needs calendar.startTime and calendar.timeZone',
    );
  }
  const { startTime, timeZone } = window.calendar;
  if (typeof timeZone !== 'string' || !isValidTimeZone(timeZone)) {
    return problems.add(
      slo,
      `${field}[0].calendar.timeZone`,
      timeZone === undefined ? 'required' : 'invalid-value',
      { value: String(timeZone) },
      `'${String(timeZone)}' is not an IANA time zone such as Asia/Tokyo`,
    );
  }
  if (
    typeof startTime !== 'string' ||
    !parseCalendarStart(startTime, timeZone).isValid
  ) {
    return problems.add(
      slo,
      `${field}[0].calendar.startTime`,
      startTime === undefined ? 'required' : 'invalid-value',
      { value: String(startTime) },
      `'${String(startTime)}' is not a time such as '2026-01-01 00:00:00'`,
    );
  }
  return { type: 'calendar', duration, ...calendar, startTime, timeZone };
}

function parseMetricSource(
  value: unknown,
  field: string,
  slo: string | undefined,
  problems: ProblemList,
): SloMetricSource | undefined {
  const source =
    isObject(value) && isObject(value.metricSource)
      ? value.metricSource
      : undefined;
  if (!source) {
    return problems.add(
      slo,
      `${field}.metricSource`,
      'required',
      {},
      'metricSource is missing',
    );
  }
  if (typeof source.type !== 'string' || !source.type) {
    return problems.add(
      slo,
      `${field}.metricSource.type`,
      'required',
      {},
      'metricSource.type names the system to ask, e.g. Prometheus or Mackerel',
    );
  }
  if (!isObject(source.spec)) {
    return problems.add(
      slo,
      `${field}.metricSource.spec`,
      'required',
      {},
      'metricSource.spec holds the query',
    );
  }
  return {
    type: source.type,
    ...(typeof source.metricSourceRef === 'string'
      ? { sourceRef: source.metricSourceRef }
      : {}),
    spec: source.spec,
  };
}

function parseIndicator(
  doc: Json,
  field: string,
  slo: string | undefined,
  problems: ProblemList,
): SloIndicator | undefined {
  const spec = isObject(doc.spec) ? doc.spec : undefined;
  const name =
    isObject(doc.metadata) && typeof doc.metadata.name === 'string'
      ? doc.metadata.name
      : undefined;
  if (spec && isObject(spec.ratioMetric)) {
    const ratio = spec.ratioMetric;
    const at = `${field}.spec.ratioMetric`;
    if ((ratio.good === undefined) === (ratio.bad === undefined)) {
      return problems.add(
        slo,
        at,
        'invalid-value',
        {},
        'a ratioMetric has either good or bad, and total',
      );
    }
    if (ratio.counter !== undefined && typeof ratio.counter !== 'boolean') {
      return problems.add(
        slo,
        `${at}.counter`,
        'invalid-type',
        { expected: 'boolean' },
        'counter must be true or false',
      );
    }
    const role = ratio.good !== undefined ? 'good' : 'bad';
    const numerator = parseMetricSource(
      ratio[role],
      `${at}.${role}`,
      slo,
      problems,
    );
    const total = parseMetricSource(ratio.total, `${at}.total`, slo, problems);
    if (!numerator || !total) return undefined;
    return {
      type: 'ratio',
      name,
      counter: ratio.counter === true,
      [role]: numerator,
      total,
    };
  }
  if (spec && isObject(spec.thresholdMetric)) {
    const metric = parseMetricSource(
      spec.thresholdMetric,
      `${field}.spec.thresholdMetric`,
      slo,
      problems,
    );
    return metric ? { type: 'threshold', name, metric } : undefined;
  }
  return problems.add(
    slo,
    `${field}.spec`,
    'required',
    {},
    'the indicator needs a ratioMetric or a thresholdMetric',
  );
}

function parseObjectives(
  value: unknown,
  field: string,
  slo: string | undefined,
  indicatorType: SloIndicator['type'] | undefined,
  budgetingMethod: SloDefinition['budgetingMethod'],
  problems: ProblemList,
): SloObjective[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    return problems.add(
      slo,
      field,
      value === undefined ? 'required' : 'invalid-value',
      {},
      'an SLO needs at least one objective',
    );
  }
  const objectives: SloObjective[] = [];
  value.forEach((objective, index) => {
    const at = `${field}[${index}]`;
    if (!isObject(objective)) {
      problems.add(
        slo,
        at,
        'invalid-type',
        { expected: 'object' },
        'an objective is a mapping',
      );
      return;
    }
    // OpenSLO allows target (0..1) or targetPercent (0..100).
    let target: number | undefined;
    if (typeof objective.target === 'number') target = objective.target;
    else if (typeof objective.targetPercent === 'number') {
      target = objective.targetPercent / 100;
    }
    const targetField =
      objective.target === undefined && objective.targetPercent !== undefined
        ? `${at}.targetPercent`
        : `${at}.target`;
    if (target === undefined) {
      problems.add(
        slo,
        targetField,
        objective.target === undefined ? 'required' : 'invalid-type',
        { expected: 'number' },
        'target is a number such as 0.999',
      );
      return;
    }
    if (!(target > 0 && target < 1)) {
      problems.add(
        slo,
        targetField,
        'invalid-value',
        { value: target },
        `target ${target} must be above 0 and below 1 (a 100% target leaves no error budget)`,
      );
      return;
    }
    const parsed: SloObjective = {
      target,
      ...(typeof objective.displayName === 'string'
        ? { displayName: objective.displayName }
        : {}),
    };
    if (indicatorType === 'threshold') {
      if (!OPERATORS.includes(objective.op as SloThresholdOperator)) {
        problems.add(
          slo,
          `${at}.op`,
          objective.op === undefined ? 'required' : 'invalid-value',
          { expected: OPERATORS.join(', ') },
          'a threshold objective needs op: lt, lte, gt or gte',
        );
        return;
      }
      if (typeof objective.value !== 'number') {
        problems.add(
          slo,
          `${at}.value`,
          objective.value === undefined ? 'required' : 'invalid-type',
          { expected: 'number' },
          'a threshold objective needs the value to compare with',
        );
        return;
      }
      parsed.op = objective.op as SloThresholdOperator;
      parsed.value = objective.value;
    }
    if (budgetingMethod === 'Timeslices') {
      const sliceTarget = objective.timeSliceTarget;
      if (
        typeof sliceTarget !== 'number' ||
        !(sliceTarget > 0 && sliceTarget <= 1)
      ) {
        problems.add(
          slo,
          `${at}.timeSliceTarget`,
          sliceTarget === undefined ? 'required' : 'invalid-value',
          { expected: '(0, 1]' },
          'Timeslices needs timeSliceTarget: the share of good events that makes a slice good, in (0, 1]',
        );
        return;
      }
      const window =
        typeof objective.timeSliceWindow === 'string'
          ? objective.timeSliceWindow
          : '';
      const seconds = parseFixedDuration(window);
      if (!seconds) {
        problems.add(
          slo,
          `${at}.timeSliceWindow`,
          window ? 'invalid-value' : 'required',
          { value: window },
          `Timeslices needs timeSliceWindow, a duration such as 5m (got '${window}')`,
        );
        return;
      }
      parsed.timeSliceTarget = sliceTarget;
      parsed.timeSliceWindow = window;
      parsed.timeSliceSeconds = seconds;
    }
    objectives.push(parsed);
  });
  return objectives;
}
