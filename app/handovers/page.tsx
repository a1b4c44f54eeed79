import { ComingSoon } from '../../components/coming-soon';

export default function HandoversPage() {
  return <ComingSoon href="/handovers" />;
}
