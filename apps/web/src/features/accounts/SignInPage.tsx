import { CredentialsForm } from './CredentialsForm';

export default function SignInPage() {
  return <CredentialsForm mode="login" />;
}
