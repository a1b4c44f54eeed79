import Link from 'next/link';

export default function NotFound() {
  return (
    <section className="card">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Go back to the <Link href="/">plant overview</Link>.
      </p>
    </section>
  );
}
