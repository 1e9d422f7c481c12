import { Controller, Get, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '../common/public.decorator';
import { SCOPES } from '../apps/scopes';
import { HOST_CONFIG, type HostConfig } from '../config/config';

/** RFC 8414 authorization server metadata: what a client library needs to discover to talk to us. */
@ApiExcludeController()
@Public()
@Controller('.well-known')
export class MetadataController {
  constructor(@Inject(HOST_CONFIG) private readonly config: HostConfig) {}

  @Get('oauth-authorization-server')
  metadata() {
    const issuer = this.config.publicUrl;
    const clientAuthMethods = ['client_secret_basic', 'client_secret_post', 'none'];
    return {
      issuer,
      authorization_endpoint: `${issuer}/oauth/authorize`,
      token_endpoint: `${issuer}/oauth/token`,
      revocation_endpoint: `${issuer}/oauth/revoke`,
      introspection_endpoint: `${issuer}/oauth/introspect`,
      // The key set that signs canvas launch tokens (not ID tokens: this server has no OpenID Connect).
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      scopes_supported: SCOPES,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: clientAuthMethods,
      revocation_endpoint_auth_methods_supported: clientAuthMethods,
      introspection_endpoint_auth_methods_supported: clientAuthMethods,
      authorization_response_iss_parameter_supported: true,
    };
  }
}
