/**
 * Baton's CloudWatch alert receiver: Amazon CloudWatch alarm state changes,
 * delivered by Amazon SNS over HTTPS, become alert history events.
 *
 * @packageDocumentation
 */

export { sreModuleCloudWatch as default } from './module';
export { CloudWatchReceiver } from './CloudWatchReceiver';
export {
  fetchSigningCertificate,
  isSnsUrl,
  SnsMessageVerifier,
  snsStringToSign,
  type SigningCertificateFetcher,
} from './SnsMessageVerifier';
