import { ComingSoon } from '../../components/coming-soon';

export default function ManualsPage() {
  return <ComingSoon href="/manuals" />;
}
