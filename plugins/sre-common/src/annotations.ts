/**
 * The catalog annotations Baton reads. Each card checks its own annotation
 * and tells the user which one to add when it is missing.
 */

/** Path or URL of an OpenSLO v1 file, relative to the entity's catalog-info.yaml. @public */
export const ANNOTATION_OPENSLO = 'baton.dev/openslo';
/** ISO 8601 intervals (comma-separated) of planned maintenance, left out of the SLO error budget. @public */
export const ANNOTATION_MAINTENANCE = 'baton.dev/maintenance';
/** `key=value[,key=value]` labels that route alerts to the entity. @public */
export const ANNOTATION_ALERT_SELECTOR = 'baton.dev/alert-selector';
/** `key=value[,…]` cost allocation tags that attribute spend to the entity. @public */
export const ANNOTATION_COST_TAGS = 'baton.dev/cost-tags';
/** Comma-separated git URLs or paths (optional `:subdir`) whose history is the entity's knowledge. @public */
export const ANNOTATION_REPOS = 'baton.dev/repos';
/** Where the entity's infrastructure as code lives. @public */
export const ANNOTATION_IAC = 'baton.dev/iac';
/** How the entity's data is backed up (e.g. `cross-region,cross-account`). @public */
export const ANNOTATION_BACKUPS = 'baton.dev/backups';
/** `key=value[,…]` tags that map a backup source's protected resources to the entity (instead of `service=<name>`). @public */
export const ANNOTATION_BACKUP_SELECTOR = 'baton.dev/backup-selector';
/** Comma-separated ARNs of protected resources whose backups are the entity's, besides those its tags map. @public */
export const ANNOTATION_BACKUP_RESOURCES = 'baton.dev/backup-resources';
/** ISO 8601 date of the entity's last recovery drill. @public */
export const ANNOTATION_LAST_DRILL = 'baton.dev/last-drill';
/** URL of the entity's runbook. @public */
export const ANNOTATION_RUNBOOK = 'baton.dev/runbook';
/** Date (YYYY-MM-DD) someone last reviewed a runbook whose history Baton cannot read. @public */
export const ANNOTATION_RUNBOOK_REVIEWED = 'baton.dev/runbook-reviewed';
/** Who did that review: a User ref (`user:aiko.tanaka`) or a name. @public */
export const ANNOTATION_RUNBOOK_REVIEWER = 'baton.dev/runbook-reviewer';
/** Comma-separated HCP Terraform workspaces (`organization/workspace`) whose runs are the entity's production changes. @public */
export const ANNOTATION_TERRAFORM_WORKSPACES = 'baton.dev/terraform-workspaces';
/** On a Resource: the access source it stands for, e.g. `github-org:acme`. @public */
export const ANNOTATION_ACCESS_SOURCE = 'baton.dev/access-source';
/** On a User: the AWS IAM user name that belongs to this person. @public */
export const ANNOTATION_AWS_IAM_USER = 'baton.dev/aws-iam-user';
/** On a User: the HCP Terraform user name that belongs to this person (a change's `terraform-user`). @public */
export const ANNOTATION_TERRAFORM_USER = 'baton.dev/terraform-user';

/** Backstage's own annotation for where an entity's source lives. @public */
export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
