import { LoginForm } from '../../components/auth/login-form';
import { sameOriginPath } from '../../lib/safe-redirect';

export const dynamic = 'force-dynamic';

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only same-app paths: never bounce a person to another site after sign-in.
  const target = sameOriginPath(next);
  return (
    <section className="card narrow">
      <h1>Sign in</h1>
      <p className="muted">
        Sign in with your plant account. On first start, the server console shows one-time passwords for the operator, the supervisor and the admin.
      </p>
      <LoginForm next={target} />
    </section>
  );
}
