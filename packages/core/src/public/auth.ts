/** The public names of `@arcrest/core`: Authentication. Listed one by one; what is not here is internal. */
export {
  Token,
  PasswordTokenProvider,
  generateToken,
  Session,
  getDefaultSession,
  setDefaultSession,
  type TokenInit,
  type TokenProvider,
  type TokenProviderOptions,
  type PasswordTokenProviderOptions,
  type GenerateTokenOptions,
  type TokenClient,
  type SessionOptions,
  type Credentials,
  type ServerAuth,
  type TokenPlacement,
} from "../auth/index.js";
