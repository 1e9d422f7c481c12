import { CredentialsForm } from './CredentialsForm';

export default function SignUpPage() {
  return <CredentialsForm mode="register" />;
}
