import type { Config } from '@backstage/config';
import type { TerraformApiConfig } from './TerraformApiClient';

/** HCP Terraform's API; a Terraform Enterprise host replaces it in `sre.terraform.baseUrl`. @public */
export const DEFAULT_TERRAFORM_BASE_URL = 'https://app.terraform.io';

/** `sre.terraform`, read and checked. */
export interface TerraformConfig extends TerraformApiConfig {
  requestTimeoutSeconds: number;
  lookbackHours: number;
}

/**
 * `sre.terraform`, or undefined without a token (the module then adds
 * nothing). A bad value stops the backend with its key named.
 */
export function readTerraformConfig(
  config: Config,
): TerraformConfig | undefined {
  const terraform = config.getOptionalConfig('sre.terraform');
  const token = terraform?.getOptionalString('token');
  if (!terraform || !token) return undefined;
  const baseUrl =
    terraform.getOptionalString('baseUrl') ?? DEFAULT_TERRAFORM_BASE_URL;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`sre.terraform.baseUrl must be a URL, not '${baseUrl}'`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error('sre.terraform.baseUrl must be an http(s) URL');
  }
  const positive = (key: string, fallback: number, max: number) => {
    const value = terraform.getOptionalNumber(key) ?? fallback;
    if (!(value > 0 && value <= max)) {
      throw new Error(
        `sre.terraform.${key} must be a number above 0 and at most ${max}`,
      );
    }
    return value;
  };
  return {
    baseUrl: url.origin,
    token,
    requestTimeoutSeconds: positive('requestTimeoutSeconds', 30, 300),
    lookbackHours: positive('lookbackHours', 24, 24 * 30),
  };
}
