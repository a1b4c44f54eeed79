import { ComingSoon } from '../../components/coming-soon';

export default function AuditPage() {
  return <ComingSoon href="/audit" />;
}
