import {
  createTranslationRef,
  type TranslationFunction,
  type TranslationRef,
} from '@backstage/frontend-plugin-api';

/**
 * The English messages, nested by domain. Every text the plugin shows comes
 * from here, so that an app can translate or reword any of it.
 * @public
 */
export const messages = {
  common: {
    duration: {
      minutes: '{{value}} min',
      hours: '{{value}} h',
      days: '{{value}} d',
    },
    /** Between the parts of a one-line summary, e.g. "truck factor 1; now failing: …". */
    partSeparator: '; ',
    /** Closes a message. */
    dismiss: 'Dismiss',
    /** Who did something, when it was not a person of the catalog. */
    people: {
      /** Baton's backend plugin (`plugin:sre`), e.g. a campaign it started on its schedule. */
      baton: 'Baton (scheduled)',
      /** Another service calling Baton, by its id. */
      service: '{{name}} (service)',
    },
    missingAnnotation: {
      title: 'Missing annotation',
      description:
        'The annotation {{annotation}} is missing. Add it to the entity to enable this.',
      example:
        'Add the annotation to the entity’s YAML as in the highlighted line below:',
      readMore: 'Read more',
    },
  },
  slo: {
    card: {
      title: 'Service level objectives',
      subheader: 'Declared in {{file}}',
      listLabel: 'Service level objectives',
      noSlosTitle: 'No SLOs found',
      noSlosDescription:
        'No OpenSLO SLO definitions were found in {{file}}. Add a kind: SLO document there, or point {{annotation}} at the file that has them.',
      backfillingTitle: 'Reading SLI history',
      backfillingDescription:
        'The SLOs in {{file}} are being evaluated for the first time: their SLI history is still being read from the sources. Reload in a minute.',
    },
    alertState: {
      page: {
        label: 'Page',
        explanation:
          'A page rule fires: the budget burns fast over both of its windows.',
      },
      ticket: {
        label: 'Ticket',
        explanation:
          'A ticket rule fires: the budget burns steadily over both of its windows.',
      },
      ok: { label: 'OK', explanation: 'No alert rule fires.' },
      unknown: {
        label: 'No data',
        explanation:
          'Not enough traffic in the rule windows to tell whether an alert fires.',
      },
    },
    budget: {
      label: 'Error budget left',
      left: '{{share}} of error budget left',
      spent: 'Error budget spent',
      overspent: 'Budget overspent by {{share}}',
      unknown: 'Error budget unknown: no traffic yet',
    },
    status: {
      'budget-exhausted': {
        label: 'Budget exhausted',
        explanation:
          'The error budget of the window is spent ({{remaining}} left).',
      },
      'below-objective': {
        label: 'Below objective',
        explanation: 'The SLI {{sli}} is below the objective {{objective}}.',
      },
      burning: {
        label: 'Burning',
        explanation: 'A burn-rate alert rule fires: {{rules}}.',
        explanationSeverity: 'A {{severity}} burn-rate alert rule fires.',
      },
      ok: {
        label: 'OK',
        explanation:
          'Within the objective and the error budget, and no burn-rate alert rule fires.',
        explanationUnjudged:
          'Within the objective and the error budget; too little recent traffic to judge every burn-rate alert rule.',
      },
      'no-data': {
        label: 'No data',
        explanation: 'No traffic in the window yet: nothing to judge.',
      },
    },
    burnRate: {
      groupLabel: 'Burn rates',
      explainRate:
        'Burn rate over the last {{window}}: {{rate}} the pace that spends the whole budget exactly over the SLO window.',
      explainNoTraffic: 'No traffic in the last {{window}}.',
      withThreshold:
        '{{explanation}} The {{severity}} rule on this window fires above {{threshold}}.',
      severity: { page: 'page', ticket: 'ticket' },
    },
    window: {
      rolling: '{{window}} rolling',
      calendar: '{{window}} calendar',
    },
    unit: {
      Occurrences: 'event',
      Timeslices: 'time slice',
    },
    units: {
      Occurrences: 'events',
      Timeslices: 'time slices',
    },
    row: {
      sli: 'SLI {{sli}} vs objective {{objective}}',
      noTraffic: 'SLI: no traffic yet vs objective {{objective}}',
      exhaustion: 'Budget gone in {{times}}',
      exhaustionAt: '{{duration}} at the {{window}} rate',
      lowTraffic: 'Low traffic',
      lowTrafficExplanation:
        'A single bad {{unit}} spends 1% or more of the error budget, so the numbers jump with every failure.',
      lowTrafficExplanationShare:
        'A single bad {{unit}} spends 1% or more of the error budget (here {{share}}), so the numbers jump with every failure.',
      lastError:
        'Last evaluation failed: {{error}} — numbers are from stored data up to {{until}}',
      noStoredData: 'no stored data yet',
      showDetails: 'Show details of {{title}}',
      hideDetails: 'Hide details of {{title}}',
    },
    chart: {
      title: 'Error budget left over the window',
      label: 'Error budget burn-down',
      empty:
        'No burn-down yet: the backend has not stored any traffic for this window.',
      budgetLeft: 'Budget left',
    },
    why: {
      title: 'Where the numbers come from',
      status: 'Status: {{status}}. {{explanation}}',
      definedIn: 'SLO {{name}}, defined in {{file}}.',
      counts:
        'Over the {{window}} window from {{start}} to {{end}}: {{good}} good, {{bad}} bad, {{total}} total {{unit}}.',
      noCounts: 'No data stored for the window yet.',
      sli: 'SLI = good ÷ total = {{sli}}; objective {{objective}}.',
      budget:
        'At this traffic the objective allows {{allowed}} bad {{unit}}; {{bad}} bad {{unit}} spent {{consumed}} of the budget.',
      timeSlices:
        'Budgeted by time slices: each {{slice}} slice is good when at least {{target}} of its events are good.',
      step: 'Counted in steps of {{step}}.',
      queriesTitle: 'Queries',
      queriesLabel: 'SLI queries',
      queryColumns: { role: 'Role', source: 'Source', query: 'Query' },
      roles: {
        good: 'Good events',
        bad: 'Bad events',
        total: 'Total events',
        metric: 'Metric',
      },
      rulesTitle: 'Alert rules',
      rulesLabel: 'Alert rules',
      ruleColumns: {
        rule: 'Rule',
        threshold: 'Threshold',
        longWindow: 'Long window',
        shortWindow: 'Short window',
        firing: 'Firing',
      },
      rule: '{{severity}}: {{long}} and {{short}}',
      severity: { page: 'Page', ticket: 'Ticket' },
      noRate: '{{window}}: no traffic',
      firing: 'Firing',
      notFiring: 'No',
      maintenanceTitle: 'Maintenance left out of every count',
      noMaintenance: 'No maintenance in this window.',
      lastEvaluated: 'Last evaluated at {{at}}.',
      neverEvaluated: 'Not evaluated yet.',
    },
    problems: {
      title: 'Definitions that could not be used',
      wholeFile: 'whole file',
      slo: 'SLO {{name}}',
      found: 'Found: {{value}}.',
      expected: 'Expected: {{expected}}.',
      codes: {
        unreadable: 'The file could not be read: {{reason}}',
        yaml: 'The file is not valid YAML (line {{line}}): {{reason}}',
        required: '{{field}} is missing.',
        'invalid-type': '{{field}} has the wrong type.',
        'invalid-value': '{{field}} has a value that cannot be used.',
        unsupported: '{{field}} is not supported.',
        'unknown-reference':
          '{{field}} names {{value}}, which is not in this file.',
        duplicate: '{{field}}: another SLO is also named {{value}}.',
        'no-source': '{{field}} names no metric source that Baton knows.',
      },
    },
  },
  readiness: {
    card: {
      title: 'Ready for leave',
      subheader: 'Could the team run this service with someone away?',
      scoreLabel: 'readiness score',
      unknownChecks:
        '{{unknown}} of {{total}} checks unknown (no data yet); the score counts the others.',
      allKnown: 'All {{total}} checks known.',
      notApplicableChecks_one:
        '{{count}} check not applicable (nothing to check), left out of the score.',
      notApplicableChecks_other:
        '{{count}} checks not applicable (nothing to check), left out of the score.',
      knowledgeTitle: 'Who holds the knowledge',
      notScored:
        'Not scored yet: the backend reads the repository history on a schedule.',
    },
    rule: {
      score:
        'Score = weighted share of passed checks among those with a known result (unknown and not-applicable checks count neither way and are shown apart).',
      counted:
        'Only the owners’ alert acknowledgements count, and only knowledge holders who committed in the last {{days}} days.',
      singlePoint:
        'Single point of failure: truck factor 1 (or 0), a sole alert responder, or a sole (or no) admin of a key access.',
      ready:
        'Ready: score ≥ {{readyScore}} and no critical check ({{checks}}) failed or unknown.',
      readyNoScore:
        'Ready: a high enough score and no critical check ({{checks}}) failed or unknown.',
      atRisk: 'Otherwise at risk.',
    },
    levels: {
      ready: 'Ready',
      'at-risk': 'At risk',
      'single-point-of-failure': 'Single point of failure',
    },
    status: {
      pass: 'pass',
      fail: 'fail',
      unknown: 'unknown',
      'not-applicable': 'not applicable',
    },
    notApplicable: 'Not applicable: {{reason}}',
    checksLabel: 'readiness checks',
    critical: '{{title}} (critical)',
    fix: 'Fix: {{fix}}',
    evidence: {
      label: 'Evidence',
      via: 'via {{resource}}',
      drill: '{{scenario}}, {{date}}: {{outcome}}',
      runbookChanged: 'Last changed {{date}} by {{people}}',
      runbookChangedNoPeople: 'Last changed {{date}}',
      runbookReviewed: 'Reviewed {{date}} by {{reviewer}}',
      runbookReviewedNoReviewer: 'Reviewed {{date}}',
      runbookNotInRepository: 'Not in the repository',
      runbookUndated: 'No change or review date is known',
    },
    checks: {
      'truck-factor': {
        title: 'Knowledge held by more than one person (truck factor)',
        fix: 'Pair on changes and rotate who works on the code until a second person authors a large part of it.',
      },
      'recent-committers': {
        title: 'Several people committed recently',
        fix: 'Have a second person make (or pair on) changes regularly, so the code stays fresh in more than one head.',
      },
      'owner-group': {
        title: 'Owned by a team',
        fix: 'Make a Group the owner (spec.owner) and give it at least two members.',
      },
      'alert-responders': {
        title: 'Alerts are handled by more than one person',
        fix: 'Share the on-call: let a second person acknowledge and handle alerts.',
      },
      techdocs: {
        title: 'Documentation in TechDocs',
        fix: 'Add docs next to the code and the annotation backstage.io/techdocs-ref.',
      },
      runbook: {
        title: 'A runbook',
        fix: 'Write the runbook and link it with baton.dev/runbook (or an entity link of type runbook); keep it current: in the service’s repository its commits show it, elsewhere record each review in baton.dev/runbook-reviewed (YYYY-MM-DD) and baton.dev/runbook-reviewer.',
      },
      iac: {
        title: 'Infrastructure as code',
        fix: 'Manage the infrastructure with Terraform and point baton.dev/iac at it.',
      },
      backups: {
        title: 'Backups copied to another region and another account',
        fix: 'Copy backups to another region and another account (e.g. AWS Backup copy rules), tag the resources service=<name> or list them in baton.dev/backup-resources; without a backup source, say so in baton.dev/backups (e.g. cross-region,cross-account).',
      },
      slo: {
        title: 'At least one SLO',
        fix: 'Declare SLOs in an OpenSLO file and point baton.dev/openslo at it.',
      },
      'alert-routing': {
        title: 'Alerts reach this service',
        fix: 'Label alerts with service=<name>, or set baton.dev/alert-selector to the labels they carry.',
      },
      'access-holders': {
        title: 'More than one admin for each key access',
        fix: 'Give a second, named person admin access (least privilege otherwise), so no key permission rests with one person.',
      },
      'access-review': {
        title: 'Access reviewed recently',
        fix: 'Run an access review campaign over the resources this service depends on.',
      },
      drill: {
        title: 'A recent recovery drill',
        fix: 'Run a restore or failover drill and record it on the team’s Drills page (or its date in baton.dev/last-drill).',
      },
      'alert-noise': {
        title: 'Alerts that do not cry wolf',
        fix: 'Fix or delete the alerts that flap or resolve on their own.',
      },
      'changes-paired': {
        title: 'Production changes done in pairs',
        fix: 'Apply to production with a second person beside you (or approving the run), and record them as the pair.',
      },
      'procedures-reviewed': {
        title: 'Change procedures reviewed beforehand',
        fix: 'Write the procedure in the pull request or a document before the change, and have someone else review it.',
      },
      'restore-practised': {
        title: 'Restores practised by the team',
        fix: 'Run a restore-from-backup drill with at least two people of the team, and record it with its participants.',
      },
      'change-operators': {
        title: 'Several people run production changes',
        fix: 'Let a second person run the next applies and deploys, with the usual operator as pair.',
      },
    },
    reasons: {
      noRepositoryHistory:
        'No repository history has been collected for this entity yet.',
      repositoryHistoryUnreadable:
        'The repository history could not be read: {{error}}',
      noAlertHistory:
        'No alert history has been collected for this entity yet.',
      noAccessResources:
        'Depends on no Resource with baton.dev/access-source: no access to hold.',
      noAlertsToJudge: 'No alerts in the last {{days}} days: none to judge.',
      noAccessInventory: 'No access inventory yet for {{resources}}.',
      noAccessReviewRecord: 'No access-review record yet for {{resources}}.',
      truckFactor:
        'Truck factor {{truckFactor}} over {{files}} files ({{people}}).',
      truckFactorNoPeople: 'Truck factor {{truckFactor}} over {{files}} files.',
      truckFactorFormer:
        'Truck factor {{truckFactor}} over {{files}} files ({{people}}). Not counted, no commit in {{days}} days: {{former}}.',
      truckFactorNoPeopleFormer:
        'Truck factor {{truckFactor}} over {{files}} files. Not counted, no commit in {{days}} days: {{former}}.',
      recentCommitters_one:
        '{{count}} person committed in the last {{days}} days ({{people}}).',
      recentCommitters_other:
        '{{count}} people committed in the last {{days}} days ({{people}}).',
      recentCommittersNoPeople: 'No one committed in the last {{days}} days.',
      ownerMissing: 'The owner {{owner}} is not in the catalog.',
      ownerMissingNone: 'No owner is set (spec.owner).',
      ownerIsPerson: 'Owned by one person, {{owner}}, not by a team.',
      ownerMembers_one: '{{owner}} has {{count}} member.',
      ownerMembers_other: '{{owner}} has {{count}} members.',
      noAcknowledgements:
        'None of the owners acknowledged an alert in the last {{days}} days.',
      responders_one:
        '{{count}} responder among the owners in {{days}} days; {{top}} took {{percent}}.',
      responders_other:
        '{{count}} responders among the owners in {{days}} days; {{top}} took {{percent}}.',
      techdocsSet: 'backstage.io/techdocs-ref is set.',
      techdocsMissing: 'No backstage.io/techdocs-ref annotation.',
      runbookLinked:
        'Runbook: {{url}} (declared, not verified: no history or baton.dev/runbook-reviewed date says when it was last kept).',
      runbookMissing: 'No runbook is linked.',
      runbookFresh:
        'Runbook {{path}} last changed {{date}} ({{ago}}) by {{people}}.',
      runbookStale:
        'Runbook {{path}} last changed {{date}} ({{ago}}, more than {{maxAgeDays}} days) by {{people}}.',
      runbookReviewed: 'Runbook reviewed {{date}} ({{ago}}) by {{people}}.',
      runbookReviewedNoPeople: 'Runbook reviewed {{date}} ({{ago}}).',
      runbookReviewStale:
        'Runbook last reviewed {{date}} ({{ago}}, more than {{maxAgeDays}} days) by {{people}}.',
      runbookReviewStaleNoPeople:
        'Runbook last reviewed {{date}} ({{ago}}, more than {{maxAgeDays}} days).',
      runbookFileMissing:
        'The runbook link points at {{path}}, which is not in {{repository}} (default branch).',
      runbookReviewedInvalid:
        'baton.dev/runbook-reviewed is "{{value}}", not a date (YYYY-MM-DD).',
      iacAnnotated: 'baton.dev/iac: {{value}}',
      terraformFiles_one: '{{count}} Terraform file in the repository.',
      terraformFiles_other: '{{count}} Terraform files in the repository.',
      iacMissing:
        'No baton.dev/iac annotation and no Terraform files in the repository.',
      backupsMissing: 'No baton.dev/backups annotation.',
      backupsAcross: 'baton.dev/backups: {{value}}',
      backupsSameRegion:
        'baton.dev/backups is "{{value}}": neither cross-region nor cross-account.',
      backupsDeclaredPartly:
        'baton.dev/backups is "{{value}}": it declares no {{missing}} copy.',
      backupsDeclared:
        'baton.dev/backups: {{value}} (declared, not verified: no backup source has evidence for this entity).',
      backupsVerified_one:
        'Verified: {{count}} protected resource copied to another region and another account within {{days}} days ({{resources}}).',
      backupsVerified_other:
        'Verified: {{count}} protected resources copied to another region and another account within {{days}} days ({{resources}}).',
      backupCopyFailed:
        'The latest copy job failed, and no copy to another region and another account completed within {{days}} days: {{resources}}.',
      backupCopyStale:
        'No copy to another region or account completed within {{days}} days: {{resources}}.',
      backupCrossRegionMissing:
        'Copied to another account, but not to another region within {{days}} days: {{resources}}.',
      backupCrossAccountMissing:
        'Copied to another region, but not to another account within {{days}} days: {{resources}}.',
      backupEvidenceStale:
        'The backup source has not reported within {{days}} days on: {{resources}}.',
      sloMissing: 'No baton.dev/openslo annotation.',
      sloNotRead: 'SLOs are declared in {{file}} but have not been read yet.',
      sloCount_one: '{{count}} SLO in {{file}}.',
      sloCount_other: '{{count}} SLOs in {{file}}.',
      alertSelector: 'baton.dev/alert-selector: {{selector}}',
      alertsSeen_one:
        '{{count}} alert labeled service={{name}} in {{days}} days.',
      alertsSeen_other:
        '{{count}} alerts labeled service={{name}} in {{days}} days.',
      adminCounts: 'Admins per resource: {{counts}}.',
      reviewStale: 'Not reviewed within {{days}} days: {{resources}}.',
      reviewFresh: 'All reviewed within {{days}} days.',
      drillMissing: 'No baton.dev/last-drill annotation.',
      drillNotDate:
        'baton.dev/last-drill "{{value}}" is not a date (YYYY-MM-DD).',
      drillAge: 'Last drill {{date}}, {{ago}}.',
      noisyShare: '{{percent}} of alerts were noisy.',
      noChangeRecords: 'Production changes are not collected for this entity.',
      drillRecorded: 'Last drill {{date}}, {{ago}}, with {{people}}.',
      noBackupsToRestore:
        'No baton.dev/backups annotation: no backup to restore.',
      noDrillRecords: 'Drills are not collected for this entity.',
      restorePractised_one:
        '{{count}} of the team took part in a restore drill in the last {{days}} days ({{people}}).',
      restorePractised_other:
        '{{count}} of the team took part in a restore drill in the last {{days}} days ({{people}}).',
      restorePractisedNoPeople:
        'No one of the team took part in a restore drill in the last {{days}} days.',
      noChangesToJudge:
        'No production change recorded in the last {{days}} days: none to judge.',
      pairedShare_one:
        '{{paired}} of {{count}} production change in the last {{days}} days was done with a pair ({{percent}}).',
      pairedShare_other:
        '{{paired}} of {{count}} production changes in the last {{days}} days were done with a pair ({{percent}}).',
      reviewedShare_one:
        '{{reviewed}} of {{count}} production change in the last {{days}} days followed a procedure someone else reviewed ({{percent}}).',
      reviewedShare_other:
        '{{reviewed}} of {{count}} production changes in the last {{days}} days followed a procedure someone else reviewed ({{percent}}).',
      changeOperators_one:
        '{{count}} person ran production changes in the last {{days}} days ({{people}}).',
      changeOperators_other:
        '{{count}} people ran production changes in the last {{days}} days ({{people}}).',
    },
    levelReasons: {
      ready:
        'Score {{score}} ≥ {{readyScore}} and every critical check passes.',
      belowScore: 'Score {{score}} is below {{readyScore}}.',
      criticalGaps: 'Critical checks not passing: {{checks}}.',
      criticalGap: '{{title}} ({{status}})',
      singlePoint: 'One person is the only cover: {{parts}}.',
      parts: {
        truckFactorOne: 'truck factor 1 ({{people}})',
        truckFactorZero: 'truck factor 0: no one authors most of the code',
        soleResponder: 'sole alert responder {{person}}',
        soleAdmin: 'sole admin of {{resource}}: {{person}}',
        noAdmin: 'no admin of {{resource}}',
      },
    },
    trend: {
      label: 'readiness trend',
      change: '{{first}} → {{last}} ({{delta}}) since {{day}}',
      notYet: 'The trend appears after a second day of snapshots.',
    },
    knowledge: {
      unreadable: 'The repository history could not be read: {{error}}',
      refreshFailed:
        'The refresh of {{at}} failed: {{error}}. These numbers are from the last good read, {{computedAt}}.',
      truckFactorLabel: 'truck factor',
      truckFactor: 'truck factor',
      truckFactorOne:
        'One person’s absence leaves most of the code without an author.',
      truckFactorMany:
        '{{count}} people would have to be away before most of the code has no author.',
      tableLabel: 'who holds the knowledge',
      columns: {
        person: 'Person',
        files: 'Files authored',
        lastCommit: 'Last commit',
      },
      noCatalogUser: '(no catalog User)',
      truckFactorAuthor: '· truck-factor author',
      former: '· former',
      formerHelp:
        'No commit in the last {{days}} days: shown, not counted in the truck factor.',
      share: '{{share}} ({{files}})',
      morePeople_one: 'and {{count}} more person',
      morePeople_other: 'and {{count}} more people',
      showWhy: 'Why?',
      hideWhy: 'Hide why',
      counted:
        '{{files}} files counted ({{withoutAuthor}} without an author) in {{repositories}}; {{mode}}; computed {{at}}.',
      repositoryAt: '{{repository}} at {{revision}}',
      mode: {
        pairing: 'pairing counted (Co-authored-by)',
        classic: 'classic',
      },
      rule: 'Degree of authorship DOA = {{intercept}} + {{firstAuthorship}}·FA + {{deliveries}}·DL − {{acceptances}}·ln(1 + AC) per file and person; a person authors a file when DOA / the file’s highest DOA > 0.75 and (DOA ≥ {{intercept}} or they created it). Truck factor: how many top authors must leave before fewer than 50% of the files have an author (Avelino et al., ICPC 2016). Vendored, generated and documentation files are not counted.',
    },
  },
  team: {
    tabTitle: 'Bus factor',
    pageTitle: 'Bus factor',
    teamPicker: 'Team',
    teamNotFound: 'No team {{team}} in the catalog; showing {{shown}}.',
    simulation: {
      title: 'Leave simulation',
      help: 'Who is away? Every check is recomputed without them, at the end of the absence.',
      awayLabel: 'away',
      daysAway: 'Days away',
    },
    soleCovers: {
      title: 'People the team cannot spare',
      none: 'No one is the only cover of a service.',
      knowledge: 'only one who knows {{services}}',
      responder: 'only responder of {{services}}',
      admin: 'only admin behind {{services}}',
      operator: 'only one who ran production changes of {{services}}',
    },
    resources: {
      title: 'Resources and systems of {{team}}',
      label: 'resources and systems',
      columns: { entity: 'Resource or system' },
    },
    services: {
      title: 'Services of {{team}}',
      exportCsv: 'Export CSV',
      label: 'services',
      columns: {
        service: 'Service',
        level: 'Level',
        score: 'Score',
        truckFactor: 'Truck factor',
        trend: 'Trend',
        during: 'During the absence',
      },
      duringTruckFactor: 'truck factor {{truckFactor}}',
      nowFailing: 'now failing: {{checks}}',
      unaffected: 'unaffected',
    },
    uncovered: {
      noAuthorLeft: 'No one left authors most of the code.',
      noResponderLeft: 'No one left who has handled its alerts.',
      noAdminLeft: 'No admin left for {{resource}}.',
      noRestorerLeft:
        'No one at work has restored it from backup in a drill in the last {{days}} days.',
      noOperatorLeft:
        'No one left who has run or paired on a production change of it in the last {{days}} days.',
      noOperatorLeftOnlyPairs:
        'No one left who has run a production change of it in the last {{days}} days; {{people}} only paired.',
    },
    knowledgeMap: {
      title: 'Knowledge map',
      help: 'Share of each service’s files a person authors: the darker, the larger. Hover a service for its full name.',
      label: 'knowledge map',
      person: 'Person',
      cell: '{{person}} authors {{share}} of {{service}}.',
      formerCell:
        '{{person}} authored {{share}} of {{service}} but has not committed in {{days}} days: a former holder, not counted.',
      formerLegend:
        'Grey, struck through: a former holder, no commit in the last {{days}} days (not counted).',
      empty: 'No one in the team authors the code of these services yet.',
    },
    csv: {
      service: 'service',
      level: 'level',
      score: 'score',
      truckFactor: 'truck_factor',
      checksFailed: 'checks_failed',
      checksUnknown: 'checks_unknown',
      levelDuring: 'level_during_absence',
      truckFactorDuring: 'truck_factor_during_absence',
      uncovered: 'uncovered',
    },
  },
  alerts: {
    card: {
      title: 'Alert history',
      subheader: 'Since {{date}} · alerts labeled {{selector}}',
      subheaderLastReview:
        'Since the last review of {{team}} ({{date}}) · alerts labeled {{selector}}',
      emptyTitle: 'No alerts since {{date}}',
      noDataDescription:
        'Alerts whose labels match {{selector}} appear here once a webhook source sends them. Set {{annotation}} to match other labels.',
      notConfiguredTitle: 'No alert source reaches this entity yet',
      emptyDescription:
        'Alerts labeled {{selector}} reach this card; none started in this range.',
      lastAlert: 'The last one started {{date}}.',
    },
    summary: {
      label: 'Alert summary',
      count: 'Alerts',
      noisy: 'Noisy',
      noisyValue: '{{noisy}} ({{score}} cry wolf)',
      noisyHelp:
        'Alerts that resolved on their own within minutes or flapped; the cry-wolf score is their share of all alerts.',
      mtta: 'MTTA',
      mttaHelp:
        'Mean time to acknowledge: from firing to the first acknowledgement.',
      mttr: 'MTTR',
      mttrHelp: 'Mean time to resolve: from firing to resolution.',
      notApplicable: 'n/a',
      responders: 'On-call load',
      respondersLabel: 'Responders and their share of acknowledgements',
      responderShare: '{{name}} {{share}}',
      responderCount_one: '{{count}} acknowledgement',
      responderCount_other: '{{count}} acknowledgements',
      noResponders: 'No one acknowledged an alert yet.',
    },
    chart: {
      title: 'Alerts per day by severity',
      label: 'Alerts per day by severity',
    },
    severity: {
      critical: 'Critical',
      warning: 'Warning',
      info: 'Info',
      unknown: 'Not set',
    },
    status: { firing: 'Firing', resolved: 'Resolved' },
    sources: {
      alertmanager: 'Alertmanager',
      mackerel: 'Mackerel',
      cloudwatch: 'CloudWatch',
      sentry: 'Sentry',
      generic: 'Webhook',
    },
    filters: {
      label: 'Filter alerts',
      severity: 'Severity',
      status: 'Status',
      all: 'All',
      noisyOnly: 'Noisy only',
      shown: '{{shown}} of {{loaded}} loaded alerts',
      noMatch: 'No loaded alert matches the filters.',
    },
    table: {
      label: 'Alerts',
      columns: {
        started: 'Started',
        alert: 'Alert',
        source: 'Source',
        severity: 'Severity',
        status: 'Status',
        duration: 'Duration',
        responders: 'Responders',
        noise: 'Noise',
      },
      ongoing: 'Ongoing',
      runbook: 'Runbook',
      acknowledge: 'Acknowledge',
      acknowledgeLabel: 'Acknowledge {{title}}',
      acknowledgeFailed: 'Could not acknowledge “{{title}}”: {{error}}',
      acknowledgeNotAllowed:
        'Could not acknowledge “{{title}}”: only the owners of its services can acknowledge it ({{error}}).',
      acknowledgeClosed:
        'It resolved more than {{minutes}} minutes ago; it can no longer be acknowledged.',
      undo: 'Undo',
      undoLabel: 'Undo the acknowledgement of {{title}}',
      undoHelp:
        'You can take your acknowledgement back for {{minutes}} minutes after acknowledging.',
      undoFailed:
        'Could not take back the acknowledgement of “{{title}}”: {{error}}',
      loadMore: 'Load more',
      loadMoreFailed: 'Could not load more alerts: {{error}}',
      acknowledged: 'Acknowledged “{{title}}”.',
      undone: 'Took back your acknowledgement of “{{title}}”.',
      severityNotSet:
        'The source sent no severity (CloudWatch alarms have none). A word such as critical or warning in the alarm’s name or description sets it.',
      firingSinceBefore: 'Firing since {{date}}, before this range',
      firingsSince: '{{firings}} firings since {{from}}',
      firingsSpan: '{{firings}} firings from {{from}} to {{until}}',
      firingsLabel: 'Firings of {{title}}',
      expand: 'Show details of {{title}}',
      collapse: 'Hide details of {{title}}',
      details: 'Details of {{title}}',
      monitor: 'Monitor',
      links: 'Links',
    },
    noise: {
      transient: {
        label: 'Transient',
        explanation:
          'Resolved by the source after {{minutes}} min with no one acknowledging it (≤ {{limit}} min).',
      },
      flapping: {
        label: 'Flapping',
        explanation: '{{monitor}} fired {{count}} times within {{hours}} h.',
      },
      'no-runbook': {
        label: 'No runbook',
        explanation:
          'Neither the alert (runbook_url) nor the service has a runbook.',
      },
      'never-acknowledged': {
        label: 'Never acknowledged',
        explanation: 'No one acknowledged it.',
      },
    },
  },
  cost: {
    card: {
      title: 'Cost',
      subheader: 'Spend tagged {{tags}}',
      unsupportedTitle: 'No spend for this kind of entity',
      unsupportedKind:
        'Baton allocates spend to components, systems and resources; a {{kind}} has no spend of its own.',
      notConfiguredTitle: 'Cost is not set up in this portal',
      notConfiguredDescription:
        'Baton has no cost data yet. A Backstage admin installs {{focus}} (FinOps FOCUS cost files) or {{aws}} (AWS Cost Explorer) in the backend and configures it; spend then appears here.',
      emptyTitle: 'No spend tagged {{tags}}',
      emptyDescription:
        'The cost data from {{sources}} has no spend on resources tagged {{tags}}. Tag this service’s cloud resources with {{tags}}, or set the annotation {{annotation}} to the tags they already carry (for example app=shop,env=prod).',
      reloading: 'Loading the spend for this selection',
      reloadFailed:
        'Could not load the spend for this selection: {{error}}. Showing the previous one.',
    },
    controls: {
      label: 'Range, granularity and currency',
      range: 'Range',
      ranges: {
        last30: 'Last 30 days',
        last90: 'Last 90 days',
        thisMonth: 'This month',
        previousMonth: 'Previous month',
      },
      granularity: 'Granularity',
      day: 'Daily',
      month: 'Monthly',
      currency: 'Currency',
    },
    figures: {
      label: 'Spend summary',
      total: 'Total',
      totalHelp: 'Spend from {{from}} to {{to}} (UTC days).',
      change: 'Vs previous period',
      changeValue: '{{percent}} ({{amount}})',
      noSpendBefore: 'No spend before',
      changeHelp: 'Previous period {{from}} to {{to}}: {{previous}}.',
      forecast: 'Forecast for {{month}}',
      forecastHelp:
        'Spend so far in the month plus the recent daily rate for each day left.',
      estimated: 'Estimated',
      estimatedHelp:
        'Some days of this range are still estimated by the cost source; their spend may change once it is final.',
      partialPrevious:
        'Previous period has data for {{days}} of {{total}} days',
      allCurrencies: 'All currencies in {{base}}',
      allCurrenciesHelp:
        'Each currency’s total converted at the rates of sre.cost.exchangeRates: {{rates}}.',
      rate: '1 {{currency}} = {{rate}} {{base}}',
      eachCurrency: 'Each currency',
      eachCurrencyHelp:
        'Spend in each currency over the range; amounts in different currencies are not added up. With sre.cost.exchangeRates in the backend’s configuration the card shows a converted total.',
      missingRates:
        'sre.cost.exchangeRates has no rate for {{currencies}}: no converted total.',
    },
    chart: {
      titleDay: 'Spend per day',
      titleMonth: 'Spend per month',
      label: 'Spend over the range',
      spend: 'Spend',
      estimatedAmount: '{{amount}} (estimated)',
      legend:
        'Lighter bars are still estimated by the source; red dots are anomalies (point at one for the rule).',
      legendMonth: 'Lighter bars are still estimated by the source.',
      anomalySigma:
        '{{date}}: {{amount}} is above the {{days}}-day mean + {{sigma}}σ threshold {{threshold}} (mean {{expected}}).',
      anomalyJump:
        '{{date}}: {{amount}} is more than {{jump}} above the {{days}}-day mean {{expected}} (threshold {{threshold}}).',
    },
    drivers: {
      title: 'Spend by service',
      label: 'Spend by service',
      columns: {
        service: 'Service',
        amount: 'Spend',
        change: 'Change',
        changeAmount: 'Change amount',
      },
      noName: '(no service name)',
      newSpend: 'new',
      none: 'No spend by service in this range.',
    },
    why: {
      show: 'Why?',
      hide: 'Hide why',
      total:
        'Total: the {{metric}} of every cost row allocated to this entity from {{from}} to {{to}} (UTC days), in {{currency}}. Spend in another currency is never converted: pick it under Currency.',
      metric: {
        effective: 'effective cost (after discounts and commitments)',
        billed: 'billed cost (as invoiced)',
      },
      change:
        'Change: compared with the previous period of the same length, {{from}} to {{to}}: {{previous}} → {{total}}, {{amount}} ({{percent}}).',
      changeNone:
        'Change: the previous period, {{from}} to {{to}}, had no spend, so there is no percentage.',
      changePartial:
        'The previous period has cost data for only {{days}} of its {{total}} days (the data starts on {{dataFrom}}): the change compares less data with more, not only spend.',
      forecast:
        'Forecast for {{month}} = spend so far {{actual}} + daily rate {{dailyRate}} × {{remainingDays}} days left = {{amount}}. The daily rate is the mean of the last {{basisDays}} days.',
      forecastWithoutAnomalies:
        'Forecast for {{month}} = spend so far {{actual}} + daily rate {{dailyRate}} × {{remainingDays}} days left = {{amount}}. The daily rate is the mean of the last {{window}} days, leaving out the days the anomaly rule flags (see below), as a one-off is not the rest of the month: {{days}}.',
      noForecast: 'No month-end forecast for this range.',
      anomalyRule:
        'Anomaly: a day above the mean of the {{days}} days before it plus {{sigma}} standard deviations (σ); days with less than {{minDays}} days of history are not judged.',
      anomaliesTitle: 'Anomalous days',
      noAnomalies: 'No anomalous day in this range.',
      allocationDefault:
        'Allocation: spend on resources tagged {{allocation}} counts for this entity. That is the default for every service; the annotation {{annotation}} sets other tags.',
      allocationAnnotation:
        'Allocation: spend on resources tagged {{allocation}} counts for this entity, as its annotation {{annotation}} says.',
      sources: 'Cost data from: {{sources}}.',
      estimated:
        'Days still estimated by their source are drawn lighter; their spend may change.',
    },
    team: {
      title: 'Team cost',
      subheader: 'Spend of the entities {{team}} and its sub-teams own',
      notGroup:
        'This card belongs on the page of a Group; a {{kind}} owns no entities.',
      emptyTitle: 'No spend for the entities {{team}} owns',
      emptyDescription:
        'None of the entities this team owns has tagged spend in the cost data from {{sources}}. Each entity’s Cost card says which tag its resources need; the annotation {{annotation}} sets other tags.',
      entitiesTitle: 'Spend by entity',
      entitiesLabel: 'Spend by entity',
      columns: { entity: 'Entity', total: 'Spend', change: 'Change' },
      noEntities: 'No entity of this team has spend in this range.',
      noSpend: 'no spend',
      unallocatedTitle: 'Unallocated spend',
      unallocatedTotal: 'Spend no entity claims: {{total}}',
      unallocatedShare: 'This team’s share: {{share}} ({{fraction}})',
      unallocatedHelp:
        'Unallocated spend is untagged, or carries tags no entity selects. It is not in the team’s total above. The team’s share is the unallocated total × the team’s part of all allocated spend ({{fraction}}).',
    },
  },
  review: {
    tabTitle: 'Reliability review',
    pageTitle: 'Reliability review',
    teamPicker: 'Team',
    notGroupTitle: 'Not a team',
    notGroup:
      'The reliability review belongs on the page of a Group; a {{kind}} is not a team.',
    noServicesTitle: '{{team}} owns no service',
    notAllowed:
      'only members of this team, or of a team above it, can change its reviews, and you are not one ({{error}})',
    noServicesDescription:
      'The agenda covers the services a team owns. Set spec.owner to {{owner}} on the team’s Components (and Systems or Resources) in the catalog; their alerts, SLOs, cost and readiness then appear here.',
    header: {
      title: 'Reliability review of {{team}}',
      since: 'Since {{date}} ({{source}})',
      sinceSources: {
        'current-review': 'in-progress review',
        'last-review': 'last review',
        chosen: 'chosen',
        default: 'default 14 days',
      },
      sinceLabel: 'Agenda since',
      resetSince: 'Default start',
      lastReview: 'Last review finished {{date}}',
      noReviewYet: 'No review finished yet',
      inProgress: 'In progress: started {{at}} by {{by}}',
      attendees: 'Attendees: {{names}}',
      noAttendees: 'No attendees recorded',
      start: 'Start review',
      finish: 'Finish review',
      abandon: 'Abandon review',
      abandoned:
        'The review was abandoned. Start a new one when the team is ready.',
      exportMarkdown: 'Export Markdown',
      exportFailed: 'Could not export the review: {{error}}',
    },
    start: {
      title: 'Start the reliability review',
      help: 'Who takes part? Everyone in the team is checked.',
      attendeesLabel: 'Attendees',
      noMembers:
        'The team has no members in the catalog; the review starts without attendees.',
      since: 'The agenda starts {{date}}.',
      cancel: 'Cancel',
      confirm: 'Start',
      failed: 'Could not start the review: {{error}}',
      started: 'Review started',
      reload: 'Reload',
      sinceProblem:
        'The agenda cannot start then: {{error}}. Choose another “Agenda since” day on the page, or its default start.',
    },
    finish: {
      title: 'Finish the review?',
      description:
        'The notes and the agenda are kept as they are now and can no longer be changed. Open action items carry over to the next review.',
      unsavedNotes:
        'The notes have changes that are not saved: save them first, or they are lost.',
      cancel: 'Cancel',
      confirm: 'Finish review',
      failed: 'Could not finish the review: {{error}}',
      finished: 'Review finished; its agenda and notes are kept as they are',
    },
    abandon: {
      title: 'Abandon the review?',
      description:
        'Abandon a review that was started by mistake or with the wrong start. It is kept, with its notes, but it never becomes the team’s last review: the next review’s agenda starts again at the end of the last finished one. Its open action items carry over. The team can then start a new review.',
      unsavedNotes:
        'The notes have changes that are not saved: save them first, or they are lost.',
      cancel: 'Cancel',
      confirm: 'Abandon review',
      failed: 'Could not abandon the review: {{error}}',
      abandoned: 'Review abandoned',
    },
    agenda: {
      title: 'Agenda',
      range: '{{from}} to {{until}}',
      notAvailable: 'not available',
      unavailable: {
        'access-reviews-not-built':
          'Access reviews are not built yet: the open access-review items of the team’s members will appear here once they are.',
        'no-open-campaign':
          'No open access-review campaign has items for the team’s members to decide.',
        'no-cost-data':
          'No cost data for the team’s services: cost is not set up in this portal, or none of its services has tagged spend.',
        'no-slos':
          'None of the team’s services declares SLOs (baton.dev/openslo).',
        'no-alerts':
          'No alert has reached the team’s services yet: alerts appear once a webhook source sends them.',
      },
      alerts: {
        title: 'Alerts',
        summary_one: '{{count}} alert, {{noisy}} noisy',
        summary_other: '{{count}} alerts, {{noisy}} noisy',
        empty: 'No alerts since {{date}}.',
        label: 'Alerts of {{service}}',
        more_one: 'and {{count}} more alert',
        more_other: 'and {{count}} more alerts',
      },
      slos: {
        title: 'SLOs at risk',
        summary: '{{atRisk}} of {{checked}} at risk',
        empty: 'None of the {{checked}} SLOs is at risk.',
        label: 'SLOs at risk',
        columns: {
          service: 'Service',
          slo: 'SLO',
          sli: 'SLI vs objective',
          budget: 'Budget left',
          spent: 'Budget spent since {{date}}',
          reasons: 'Why',
        },
        sli: '{{sli}} vs {{objective}}',
        noTraffic: 'no traffic vs {{objective}}',
      },
      cost: {
        title: 'Cost',
        summary: 'Total {{total}}',
        summaryChange: 'Total {{total}}, {{change}} vs the period before',
        empty: 'No spend since {{date}}.',
        range:
          'Spend from {{from}} to {{to}} (UTC days), compared with the period of the same length before.',
        total: 'Total',
        change: 'Vs the period before',
        unallocated: 'Team’s share of unallocated spend',
        moversTitle: 'Largest changes',
        moversLabel: 'Largest changes by service',
        columns: {
          service: 'Service',
          total: 'Spend',
          previous: 'Before',
          change: 'Change',
        },
        noMovers: 'No service’s spend changed.',
        anomaliesTitle: 'Anomalous days',
        anomaly:
          '{{service}}: {{amount}} on {{date}} where {{expected}} was expected ({{rule}})',
        rules: { sigma: 'above the mean + σ', jump: 'sudden jump' },
        noAnomalies: 'No anomalous day.',
      },
      readiness: {
        title: 'Readiness changes',
        summary: '{{changed}} of {{services}} services changed level',
        empty: 'No readiness level changed since {{date}}.',
        label: 'Readiness changes',
        columns: {
          service: 'Service',
          level: 'Level',
          score: 'Score',
          direction: 'Direction',
        },
        beforeDay: 'on {{date}}',
        score: '{{before}} → {{after}}',
        direction: { better: 'Better', worse: 'Worse' },
      },
      access: {
        title: 'Access reviews',
        summary_one: '{{count}} open item',
        summary_other: '{{count}} open items',
        open_one:
          '{{count}} access-review item of the team’s members is still open.',
        open_other:
          '{{count}} access-review items of the team’s members are still open.',
        campaign_one: '{{title}}: {{count}} item to decide',
        campaign_other: '{{title}}: {{count}} items to decide',
        campaignDue_one: '{{title}}: {{count}} item to decide, due {{date}}',
        campaignDue_other: '{{title}}: {{count}} items to decide, due {{date}}',
      },
      changes: {
        title: 'Production changes',
        summary_one: '{{count}} change, {{percent}} paired',
        summary_other: '{{count}} changes, {{percent}} paired',
        empty: 'No production change of the team’s services was recorded.',
        notable:
          'Solo, off-hours and failed changes, and those alerts followed',
        noneNotable:
          'Every change was paired, in working hours, succeeded and no alert followed.',
        more_one: 'and {{count}} more change not listed',
        more_other: 'and {{count}} more changes not listed',
      },
      backupsDrills: {
        title: 'Backups and drills',
        summary:
          '{{gaps}} services with backups not verified, {{done}} drills done, {{due}} due',
        gaps: 'Backups not verified',
        noGaps: 'Every service’s backups check passes.',
        staleRunbooks: 'Runbooks not kept up',
        noStaleRunbooks: 'No runbook is stale.',
        done: 'Drills since the review',
        noneDone: 'No drill took place since the review.',
        drill_one: '{{date}} · {{scenario}} · {{count}} participant',
        drill_other: '{{date}} · {{scenario}} · {{count}} participants',
        due: 'Drills due',
        noneDue: 'No drill is due.',
        dueSince: '{{scenario}}: last drilled {{date}}',
        neverDrilled: '{{scenario}}: never drilled',
      },
      activity: {
        title: 'Activity',
        summary_one: '{{count}} member',
        summary_other: '{{count}} members',
        empty: 'The team has no members in the catalog.',
        label: 'Activity per member',
        columns: {
          member: 'Member',
          commits: 'Committed to',
          acknowledged: 'Alerts acknowledged',
          decisions: 'Access decisions',
        },
        lastCommit: 'Last commit {{date}}',
      },
    },
    notes: {
      title: 'Notes',
      label: 'Notes (Markdown)',
      save: 'Save notes',
      unsaved: 'Not saved yet',
      saveFailed: 'Could not save the notes: {{error}}',
      saved: 'Notes saved',
      conflict:
        'The notes were not saved: {{error}}. Reload to see the latest version (copy your text first to keep it).',
      reload: 'Reload',
      preview: 'Preview',
      empty: 'No notes yet.',
    },
    actions: {
      title: 'Action items',
      none: 'No open action items.',
      label: 'Open action items',
      carriedOver: 'from review of {{date}}',
      carriedOverUnknown: 'from an earlier review',
      fromDrill: 'from a drill',
      unassigned: 'Unassigned',
      due: 'due {{date}}',
      overdue: 'overdue since {{date}}',
      done: 'Done',
      drop: 'Drop',
      doneLabel: 'Mark “{{title}}” done',
      dropLabel: 'Drop “{{title}}”',
      updateFailed: 'Could not update “{{title}}”: {{error}}',
      updated: '“{{title}}”: {{status}}',
      status: { open: 'Open', done: 'Done', dropped: 'Dropped' },
      form: {
        title: 'Add an action item',
        itemTitle: 'Title',
        owner: 'Owner',
        due: 'Due date',
        link: 'Link (Jira, GitHub, …)',
        add: 'Add',
        failed: 'Could not add the action item: {{error}}',
        added: 'Action item added: {{title}}',
      },
    },
    history: {
      title: 'Past reviews',
      none: 'No review finished yet.',
      label: 'Past reviews',
      attendees_one: '{{count}} attendee',
      attendees_other: '{{count}} attendees',
      reviewOf: 'Review of {{date}}',
      finished: 'Finished {{at}} by {{by}}',
      abandoned: 'Abandoned {{at}} by {{by}}',
      noNotes: 'No notes.',
      actionItems: 'Action items raised',
      noActionItems: 'No action items were raised.',
    },
  },
  access: {
    pageTitle: 'Access reviews',
    nav: {
      label: 'Access-review pages',
      campaigns: 'All campaigns',
      tasks: 'My access reviews',
    },
    state: { open: 'Open', closed: 'Signed off' },
    progress: {
      label: 'Decided items',
      decided: '{{decided}} of {{total}} decided',
      byReviewer: 'Per reviewer',
      reviewer: '{{name}}: {{decided}} of {{total}}',
      yours: 'Your items',
    },
    due: 'Due {{date}}',
    overdue: 'Overdue since {{date}}',
    noDue: 'No due date',
    list: {
      intro:
        'A campaign freezes who has access to each Resource with the {{annotation}} annotation; the Resource’s owners keep, revoke or transfer every grant, and a sign-off locks the decisions as audit evidence.',
      label: 'Access-review campaigns',
      start: 'Start campaign',
      columns: {
        title: 'Campaign',
        state: 'State',
        due: 'Due date',
        progress: 'Progress',
        created: 'Started',
      },
      created: '{{at}} by {{by}}',
      emptyTitle: 'No campaign yet',
      emptyDescription:
        'Start one to review who has access. Resources take part when they carry the {{annotation}} annotation naming their access source (e.g. github-org:acme).',
    },
    start: {
      title: 'Start an access-review campaign',
      help: 'The campaign copies who has access to every Resource with the {{annotation}} annotation now; the decisions are about that list.',
      titleLabel: 'Title',
      dueLabel: 'Due date',
      cancel: 'Cancel',
      confirm: 'Start',
      failed: 'Could not start the campaign: {{error}}',
      started_one: 'Started “{{title}}” with {{count}} item',
      started_other: 'Started “{{title}}” with {{count}} items',
    },
    campaign: {
      notFoundTitle: 'No such campaign',
      notFound:
        'There is no access-review campaign {{id}}. It may be a mistyped link; the list of campaigns has every one.',
      started: 'Started {{at}} by {{by}}',
      frozen: 'Inventory frozen {{at}}',
      signedOff: 'Signed off {{at}} by {{by}}',
      readOnly: 'its decisions are locked',
      sourceFailed:
        '{{resource}} ({{source}}) is not in this campaign: its access source failed: {{error}}',
      signOff: 'Sign off',
      exportCsv: 'Export CSV',
      exportJson: 'Export JSON',
      exportFailed: 'Could not export the evidence: {{error}}',
    },
    signOff: {
      title: 'Sign off the campaign?',
      description:
        'Signing off locks every decision; the evidence keeps them with your name and the time of the sign-off.',
      undecided_one:
        '{{count}} item is still undecided: a campaign is signed off once every item is decided.',
      undecided_other:
        '{{count}} items are still undecided: a campaign is signed off once every item is decided.',
      cancel: 'Cancel',
      confirm: 'Sign off',
      failed: 'Could not sign off: {{error}}',
      done: 'Signed off “{{title}}”; its decisions are locked',
    },
    filters: {
      label: 'Filter the items',
      stale: 'Stale access (unused for more than {{days}} days, or never)',
      unmatched: 'No person in the catalog',
      admin: 'Admin privileges',
      status: 'Decision',
      statuses: { all: 'All', undecided: 'Undecided', decided: 'Decided' },
      shown: '{{shown}} of {{total}} items',
    },
    items: {
      title: 'Items',
      label: 'Access-review items',
      empty: 'This campaign holds no items.',
      noMatch: 'No item matches the filters.',
      columns: {
        principal: 'Principal',
        person: 'Person',
        resource: 'Resource',
        privilege: 'Privilege',
        lastUsed: 'Last used',
        flags: 'Flags',
        reviewers: 'Reviewers',
        decision: 'Decision',
        actions: 'Decide',
      },
      select: 'Select {{principal}} on {{resource}}',
      selectAll: 'Select every item shown that you may decide',
      noPerson: 'No person in the catalog',
      never: 'never',
      unknown: 'unknown',
      noReviewers: 'nobody',
      undecided: 'Undecided',
      decided: {
        keep: 'Kept',
        revoke: 'Revoked',
        transfer: 'Transferred',
      },
      transferTo: 'to {{user}}',
      decidedBy: 'by {{by}}, {{at}}',
      yourAccess: 'About your access: another reviewer decides',
      decideLabel: 'Decide {{principal}} on {{resource}}',
    },
    flags: {
      'no-person-in-catalog': 'No person in the catalog',
      'never-used': 'Never used',
      'admin-privilege': 'Admin privilege',
      'two-factor-disabled': '2FA disabled',
      'outside-collaborator': 'Outside collaborator',
      'no-mfa': 'No MFA',
      'console-password': 'Console password',
      'active-access-key': 'Active access key',
      stale: 'Stale access',
    },
    decisions: { keep: 'Keep', revoke: 'Revoke', transfer: 'Transfer' },
    bulk: {
      label: 'Decide the selected items',
      selected_one: '{{count}} item selected',
      selected_other: '{{count}} items selected',
      clear: 'Clear selection',
    },
    decide: {
      title: {
        keep: 'Keep access',
        revoke: 'Revoke access',
        transfer: 'Transfer access',
      },
      item: '{{principal}} on {{resource}} ({{privilege}})',
      items_one: '{{count}} item',
      items_other: '{{count}} items',
      transferTo: 'Transfer to',
      transferToHelp: 'The catalog user who takes the access over',
      picker: {
        open: 'Show users',
        close: 'Hide users',
        clear: 'Clear the user',
        noOptions: 'No such user in the catalog',
        loading: 'Loading users…',
      },
      comment: 'Comment',
      commentOptional: 'Optional: why, for the audit log',
      transferToRequired: 'Name the user who takes the access over.',
      commentForTransfer:
        'A transfer needs a comment saying why and what is handed over.',
      commentForStale:
        'Keeping access unused for more than {{days}} days needs a comment saying why.',
      cancel: 'Cancel',
      confirm: 'Save decision',
      failed: 'Could not save the decision: {{error}}',
      saved: '{{decision}}: {{principal}} on {{resource}}',
      savedMany_one: '{{decision}}: {{count}} item',
      savedMany_other: '{{decision}}: {{count}} items',
    },
    audit: {
      title: 'Audit log',
      label: 'Audit log',
      empty: 'Nothing recorded yet.',
      columns: {
        at: 'Time',
        actor: 'Actor',
        action: 'Action',
        details: 'Details',
      },
      actions: {
        'campaign-created': 'Campaign started',
        'campaign-closed': 'Signed off',
        'decision-made': 'Decision',
        'decision-changed': 'Decision changed',
        'evidence-downloaded': 'Evidence downloaded',
      },
      created_one: '“{{title}}”: {{count}} item of {{resources}}',
      created_other: '“{{title}}”: {{count}} items of {{resources}}',
      decision: '{{principal}} on {{resource}}: {{decision}}',
      changed: '{{principal}} on {{resource}}: {{from}} → {{decision}}',
      transferTo: 'to {{user}}',
      comment: '“{{comment}}”',
      closed: 'Kept {{keep}}, revoked {{revoke}}, transferred {{transfer}}',
      evidence: 'Format: {{format}}',
    },
    tasks: {
      intro:
        'The items of open campaigns that wait for your decision. A decided item leaves this list; you can still change it on its campaign’s page until the campaign is signed off.',
      emptyTitle: 'Nothing to review',
      emptyDescription:
        'No open campaign has an item waiting for your decision.',
      campaignLabel: 'Your items in {{title}}',
    },
  },
  admin: {
    pageTitle: 'Baton admin',
    sources: {
      title: 'Sources',
      intro:
        'Each configured source and scheduled pull: when it last succeeded, what it brought, and its last error. Check here first when a card looks wrong or stale.',
      label: 'Sources and scheduled pulls',
      columns: {
        source: 'Source',
        state: 'State',
        kind: 'Feeds',
        provider: 'Module',
        lastSuccess: 'Last success',
        counts: 'Last counts',
        lastError: 'Last error',
      },
      state: {
        ok: 'OK',
        recovered: 'Recovered',
        partial: 'Partly failed',
        failing: 'Failing',
        never: 'Never ran',
      },
      kind: {
        knowledge: 'Code knowledge',
        slo: 'SLOs',
        alerts: 'Alerts',
        cost: 'Cost',
        access: 'Access reviews',
        changes: 'Production changes',
        backups: 'Backups',
        drills: 'Drills',
      },
      trigger: { schedule: 'scheduled', webhook: 'webhook' },
      kindAndTrigger: '{{kind}} ({{trigger}})',
      tasks: {
        knowledgeRefresh: 'Knowledge refresh',
        sloEvaluation: 'SLO evaluation',
        alertPoll: 'Alert polling and remapping',
        costPull: 'Cost pull',
        accessReminders: 'Access-review reminders',
        accessCampaign: 'Scheduled access-review campaign',
        changePull: 'Production change pull',
        backupPull: 'Backup pull',
        drillImport: 'Drill import',
      },
      names: {
        cost: 'Cost source {{name}}',
        alertPoller: 'Alert poller {{name}}',
        webhook: '{{name}} webhook',
        changeSource: 'Change source {{name}}',
        backupSource: 'Backup source {{name}}',
        drillSource: 'Drill source {{name}}',
      },
      counts: {
        rows_one: '{{count}} row',
        rows_other: '{{count}} rows',
        alerts_one: '{{count}} alert stored',
        alerts_other: '{{count}} alerts stored',
        received_one: '{{count}} received',
        received_other: '{{count}} received',
        remapped_one: '{{count}} remapped',
        remapped_other: '{{count}} remapped',
        entities_one: '{{count}} entity',
        entities_other: '{{count}} entities',
        failed_one: '{{count}} failed',
        failed_other: '{{count}} failed',
        reviewers_one: '{{count}} reviewer reminded',
        reviewers_other: '{{count}} reviewers reminded',
        campaigns_one: '{{count}} campaign started',
        campaigns_other: '{{count}} campaigns started',
        resources_one: '{{count}} protected resource',
        resources_other: '{{count}} protected resources',
      },
      never: 'Never',
      noError: 'None',
      emptyTitle: 'No sources',
      emptyDescription:
        'No scheduled pull runs and no backend module registered a source, poller or webhook with a secret.',
      notAllowedTitle: 'Only Baton admins see the sources',
      notAllowed:
        'The sources’ errors name hosts and configuration, so they are shown to the users and groups in {{config}} only. Ask an admin to add you, or one of your groups, to {{config}} in the app configuration.',
    },
  },
  changes: {
    card: {
      title: 'Production changes',
      subheader: 'From {{from}} to {{to}}',
      range: 'Range',
      rangeDays: 'Last {{days}} days',
      emptyTitle: 'No changes since {{date}}',
      emptyDescription:
        'No production change of this entity was recorded in this range. Changes come from GitHub deployments, HCP Terraform runs, the webhook and {{cli}}.',
      unsupportedTitle: 'No changes for this kind of entity',
      unsupportedKind:
        'Baton records production changes of components, systems and resources; a {{kind}} has none of its own.',
      notConfiguredTitle: 'No change source reaches this entity yet',
      notConfiguredDescription:
        'Add one of the annotations {{repos}} (the repositories whose deployments are its changes), {{iac}} (its infrastructure code) or {{workspaces}} (its HCP Terraform workspaces) to the entity. Changes made by hand can be recorded with {{cli}}, and any CI/CD can send them to the webhook.',
    },
    summary: {
      label: 'Summary of the changes',
      total: 'Changes',
      paired: 'Pairing rate',
      pairedValue: '{{share}} ({{paired}} of {{total}})',
      pairedHelp:
        'The share of changes that someone other than the operator was with, or approved.',
      notApplicable: '—',
      offHours: 'Off-hours',
      offHoursHelp: 'Changes that started outside the team’s working hours.',
      unreviewed: 'Unreviewed procedure',
      unreviewedHelp:
        'Changes without a written procedure, or whose procedure nobody but its authors reviewed.',
      followedByAlerts: 'Followed by alerts',
      followedByAlertsHelp:
        'Changes after which an alert fired on the same entity within the window.',
      failed: 'Failed',
      failedHelp: 'Changes that failed or were rolled back.',
    },
    list: {
      label: 'Changes',
      started: 'Started {{date}}',
      environment: 'in {{environment}}',
      operators: 'Operators',
      pairs: 'Pairs',
      procedureReviewers: 'Procedure reviewed by',
      nobody: 'nobody',
      unmatched: 'not in the catalog',
      unmatchedHelp:
        'The source named this person as {{identity}}, which matches no catalog user.',
      plan: 'Plan: {{add}} to add, {{change}} to change, {{destroy}} to destroy',
      workspace: 'Workspace {{workspace}}',
      applyTime: 'Apply took {{duration}}',
      procedure: 'Procedure',
      alertsAfter: 'Alerts after this change',
      alertAt: '{{title}} ({{date}})',
      links: 'Links',
    },
    kind: {
      'terraform-apply': 'Terraform apply',
      deploy: 'Deploy',
      maintenance: 'Maintenance',
      'db-migration': 'Database migration',
      config: 'Configuration',
      other: 'Other change',
    },
    outcome: {
      succeeded: 'Succeeded',
      failed: 'Failed',
      'rolled-back': 'Rolled back',
      'in-progress': 'In progress',
    },
    chip: {
      paired: 'Paired',
      pairedHelp: 'With {{people}}.',
      solo: 'Solo',
      soloHelp: 'Nobody but the operators was with this change or approved it.',
      reviewed: 'Reviewed procedure',
      reviewedHelp: 'The procedure was reviewed by {{people}}.',
      unreviewed: 'Unreviewed procedure',
      unreviewedHelp:
        'No written procedure, or nobody but its authors reviewed it.',
      offHours: 'Off-hours',
      offHoursHelp: 'Started outside the owning team’s working hours.',
      followedByAlerts_one: 'Followed by {{count}} alert',
      followedByAlerts_other: 'Followed by {{count}} alerts',
      followedByAlertsHelp: 'This change may have caused: {{titles}}.',
      label: 'What the rules found',
    },
    why: {
      show: 'Why?',
      hide: 'Hide why',
      range:
        'The changes recorded for this entity that started from {{from}} to {{to}}, newest first, from every source (GitHub deployments, HCP Terraform runs, the webhook, {{cli}}).',
      solo: 'Solo: nobody but the operators was with the change or approved it. An operator is never their own pair. The pairing rate is the share of changes that were not solo.',
      unreviewed:
        'Unreviewed procedure: the change had no written procedure, or nobody but its authors reviewed it.',
      offHours:
        'Off-hours: the change started outside the owning team’s working hours: {{days}}, {{start}} to {{end}} ({{timeZone}}).',
      holidays_one: 'Its {{count}} holiday counts as off-hours too.',
      holidays_other: 'Its {{count}} holidays count as off-hours too.',
      followedByAlerts:
        'Followed by alerts: an alert on one of the change’s entities fired within {{minutes}} minutes after it started; the change may have caused it.',
      people:
        'People are matched to catalog users by their GitHub login, e-mail address, HCP Terraform user name or name; those the catalog does not know are shown as the source named them and flagged.',
    },
    team: {
      tabTitle: 'Changes',
      title: 'Production changes of the team',
      subheader: 'Over the services the team owns, from {{from}} to {{to}}',
      emptyTitle: 'No changes since {{date}}',
      emptyDescription:
        'No production change of the team’s services was recorded in this range.',
      people: {
        title: 'Who operates production',
        label: 'Changes per person',
        person: 'Person',
        operated: 'Operated',
        operatedPaired: 'Operated with a pair',
        pairedOn: 'Paired on',
        offHours: 'Off-hours',
        none: 'Nobody operated or paired on a change in this range.',
      },
      solo: {
        title: 'Solo changes',
        none: 'No solo changes in this range.',
      },
      apply: {
        title: 'Terraform apply time',
        none: 'No Terraform applies with a duration in the window.',
        chartTitle: 'Apply time of {{workspace}}',
        chartLabel: 'Apply time of each apply of {{workspace}}',
        seconds: 'Apply time',
        rising:
          'Rising: the median apply took {{earlier}} in the earlier half of the window and {{later}} in the later half (+{{percent}}%). A growing state makes every apply slower; consider splitting it.',
        steady:
          'Not rising: the median apply took {{earlier}} in the earlier half of the window and {{later}} in the later half ({{percent}}%).',
        tooFew: 'Too few applies in the window to tell a trend.',
        risingChip: 'Rising',
      },
    },
  },
  backups: {
    checkLink: 'See Backups',
    card: {
      title: 'Backups',
      subheader:
        'A copy counts within {{days}} days · resources tagged {{selector}}',
      unsupportedTitle: 'No backups for this kind of entity',
      unsupportedKind:
        'Baton shows the backups of components and resources; a {{kind}} has none of its own.',
      notConfiguredTitle: 'No backup source is set up in this portal',
      notConfiguredDescription:
        'Nothing can be verified until the backend has a backup source, such as {{module}}. It will find this entity’s resources by the tag {{selector}} (other tags with the annotation {{selectorAnnotation}}) and by the ARNs listed in {{resourcesAnnotation}}.',
      emptyTitle: 'No protected resource maps to this entity',
      emptyDescription:
        'The backup sources protect no resource tagged {{selector}} or listed in {{resourcesAnnotation}}. Tag the resources {{selector}}, choose other tags with {{selectorAnnotation}}, or list their ARNs in {{resourcesAnnotation}}.',
    },
    list: {
      label: 'Protected resources',
      location: '{{type}} · account {{account}} · {{region}}',
      lastBackup: 'Last backup',
      noBackup: 'none completed in the source’s look-back',
      failedBackup: 'Last failed backup',
      crossRegion: 'Copy to another region',
      crossAccount: 'Copy to another account',
      noCopy: 'none',
      localCopy: 'Copy within its own account and region',
      neither: '{{copy}} (counts as neither)',
      destination: '{{region}}, account {{account}}',
      copyTo: '{{date}} to {{destination}}',
      failingCopy: 'Failing copy',
      failedCopy: 'to {{destination}}, {{date}}: {{state}}',
      failedBackupAt: '{{date}}: {{state}}',
      lastRestore: 'Last restore',
      neverRestored: 'never',
      restore: '{{date}} · {{how}} · {{state}}',
      restoreValidated:
        '{{date}} · {{how}} · {{state}}, validation {{validation}}',
      restoreTesting: 'restore testing',
      restoreByHand: 'by hand',
      seen: 'Seen by {{source}} on {{date}}; {{matched}}',
      matchedByArn: 'listed by ARN',
      matchedByTags: 'matched by its tags',
    },
    history: {
      show: 'Copy history',
      hide: 'Hide copy history',
      label: 'Copy history',
      pulls_one: '{{to}}',
      pulls_other: '{{from}} – {{to}} ({{count}} pulls saw the same)',
      crossRegion: 'another region: {{copy}}',
      crossAccount: 'another account: {{copy}}',
      noCopy: 'none',
      copyVerified: '{{date}}, within the window',
      copyTooOld: '{{date}}, too old',
      failing_one: 'a copy failing',
      failing_other: '{{count}} copies failing',
      restore: 'restore {{date}}: {{state}}',
      neverRestored: 'never restored',
      empty: 'No pull of the last {{days}} days saw this resource.',
      older: 'Show older pulls',
      error: 'The history could not be read: {{message}}',
    },
    state: {
      COMPLETED: 'completed',
      FAILED: 'failed',
      ABORTED: 'aborted',
      EXPIRED: 'expired',
      RUNNING: 'running',
      PENDING: 'pending',
      CREATED: 'created',
    },
    validation: {
      SUCCESSFUL: 'successful',
      FAILED: 'failed',
      TIMED_OUT: 'timed out',
      VALIDATING: 'validating',
    },
    chip: {
      label: 'What the evidence shows',
      crossRegionVerified: 'Cross-region verified',
      crossRegionVerifiedHelp:
        'A copy to {{region}} completed {{date}}, within {{days}} days.',
      crossRegionStale: 'Cross-region copy too old',
      crossRegionStaleHelp:
        'The last copy to another region ({{region}}) completed {{date}}, more than {{days}} days ago.',
      crossRegionMissing: 'No cross-region copy',
      crossRegionMissingHelp:
        'No completed copy to a vault in another region is known.',
      crossAccountVerified: 'Cross-account verified',
      crossAccountVerifiedHelp:
        'A copy to account {{account}} completed {{date}}, within {{days}} days.',
      crossAccountStale: 'Cross-account copy too old',
      crossAccountStaleHelp:
        'The last copy to another account ({{account}}) completed {{date}}, more than {{days}} days ago.',
      crossAccountMissing: 'No cross-account copy',
      crossAccountMissingHelp:
        'No completed copy to a vault in another account is known.',
      copyFailing: 'Copy failing',
      copyFailingHelp:
        'The latest copy job to {{destinations}} failed, and none completed since.',
      restoreTested: 'Restore tested',
      restoreTestedHelp: 'A restore test completed {{date}}.',
      restoredByHand: 'Restored by hand',
      restoredByHandHelp: 'A restore started by hand completed {{date}}.',
      restoreFailed: 'Restore failed',
      restoreFailedHelp: 'The last restore, {{date}}, did not succeed.',
      restoreRunning: 'Restore running',
      restoreRunningHelp: 'A restore started {{date}} has not finished.',
      neverRestored: 'Never restore-tested',
      neverRestoredHelp:
        'No restore of its recovery points is known: nothing shows these backups can be restored.',
    },
    why: {
      show: 'Why?',
      hide: 'Hide why',
      rule: 'A copy counts when its copy job completed within the last {{days}} days. Cross-region: the destination vault’s region (read from its ARN) differs from the resource’s; cross-account: the vault’s account differs from the resource’s. A vault in the same account and region is neither.',
      failing:
        'A destination whose latest copy job failed, with none completed since, is listed as failing.',
      restore:
        'The last restore of each resource is shown as evidence, by a restore testing plan or by hand; the readiness check does not judge it yet.',
      selector:
        'This entity’s resources: tagged {{selector}}, or listed by ARN in {{resourcesAnnotation}}.',
    },
  },
  drills: {
    tabTitle: 'Drills',
    pageTitle: 'Drills',
    teamPicker: 'Team',
    notGroupTitle: 'Not a team',
    notGroup: 'Drills belong on the page of a Group; a {{kind}} is not a team.',
    notAllowed:
      'only members of this team, or of a team above it, can change its drills, and you are not one ({{error}})',
    checkLink: 'The team’s drills',
    plan: 'Plan a drill',
    recordTookPlace: 'Record a drill that took place',
    scenario: {
      'restore-from-backup': 'Restore from backup',
      'region-failover': 'Region failover',
      'access-loss': 'Access loss (the admin is away)',
      'on-call-handover': 'On-call handover',
      other: 'Other',
    },
    outcome: {
      succeeded: 'Succeeded',
      'partly-succeeded': 'Partly succeeded',
      failed: 'Failed',
    },
    due: {
      title: 'Due',
      subheader: 'Per service and scenario, by the intervals: {{intervals}}',
      interval: '{{scenario}} every {{days}} days',
      none: 'Nothing is due: every service was drilled within its interval.',
      label: 'Drills due',
      service: 'Service',
      scenario: 'Scenario',
      last: 'Last drill',
      dueSince: 'Due since',
      never: 'Never',
      neverDrilled: 'Now',
    },
    list: {
      title: 'Drills',
      label: 'Drills, newest first',
      emptyTitle: 'No drill yet',
      emptyDescription:
        'Plan a drill — a restore from backup, a region failover, the admin away, an on-call handover — or record one that took place. Recorded drills, with who took part, count in the services’ readiness.',
      planned: 'Planned for {{date}}',
      plannedNoDay: 'Planned, no day set',
      performed: 'Took place {{date}}',
      services: 'Services',
      participants: 'Took part',
      outcome: 'Outcome',
      recovery: 'Time to recover',
      notes: 'What went wrong',
      noNotes: 'Nothing noted.',
      actions: 'Action items',
      noActions: 'No action items.',
      record: 'Record',
      recordLabel: 'Record how “{{title}}” went',
      addAction: 'Add an action item',
      addActionLabel: 'Add an action item to “{{title}}”',
      actionFormTitle: 'Add an action item to this drill',
      hideAction: 'Close',
    },
    form: {
      planTitle: 'Plan a drill',
      tookPlaceTitle: 'Record a drill that took place',
      recordTitle: 'Record how “{{title}}” went',
      scenario: 'Scenario',
      title: 'Title',
      services: 'Services it practises on',
      noServices:
        'The team owns no service in the catalog: give its Components or Resources spec.owner first.',
      day: 'Day',
      performedAt: 'When it took place',
      participants: 'Who took part',
      noMembers: 'The team has no members in the catalog.',
      outcome: 'Outcome',
      recoveryMinutes: 'Minutes to recover',
      notes: 'What went wrong, what was learnt',
      cancel: 'Cancel',
      planSubmit: 'Plan',
      recordSubmit: 'Record',
      failed: 'Could not save the drill: {{error}}',
      planned: 'Drill planned: {{title}}',
      recorded: 'Drill recorded: {{title}}',
    },
  },
} as const;

/**
 * The flat keys and English texts of the messages, e.g. `slo.card.title`.
 * Spelled out for the ref below: inferred, its type would go in a circle
 * through translations/ja, which imports the ref.
 * @public
 */
export type SreMessages = ReturnType<
  typeof createTranslationRef<'plugin.sre', typeof messages, {}>
>['T'];

/**
 * Every message of Baton's frontend plugin, in English, with Japanese bundled.
 * Apps override any message with
 * `createTranslationMessages({ ref: sreTranslationRef, messages: { … } })`.
 * @public
 */
export const sreTranslationRef: TranslationRef<'plugin.sre', SreMessages> =
  createTranslationRef({
    id: 'plugin.sre',
    messages,
    translations: {
      ja: () => import('./translations/ja'),
    },
  });

/** The translation function of {@link sreTranslationRef}. */
export type SreTranslate = TranslationFunction<typeof sreTranslationRef.T>;

type Nested = { readonly [key: string]: string | Nested };

function flatten(nested: Nested, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(nested).flatMap(([key, value]) =>
      typeof value === 'string'
        ? [[`${prefix}${key}`, value]]
        : Object.entries(flatten(value, `${prefix}${key}.`)),
    ),
  );
}

/** The English messages by flat key, e.g. `slo.card.title`. */
export const sreDefaultMessages: Readonly<Record<string, string>> =
  flatten(messages);
