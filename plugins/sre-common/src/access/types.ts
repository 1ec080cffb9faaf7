/** What a reviewer decides about one grant. @public */
export type AccessDecision = 'keep' | 'revoke' | 'transfer';
