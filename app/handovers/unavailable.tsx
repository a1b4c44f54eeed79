/** What the handover pages show when the handover service is not running in this server. */
export function HandoversUnavailable() {
  return (
    <section className="card">
      <h1>Handovers</h1>
      <p className="banner banner-down">
        The handover service is not running in this server, so no reports can be shown or generated. Check the server log and /api/health.
      </p>
    </section>
  );
}
