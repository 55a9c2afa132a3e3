import { useEffect, useState } from 'preact/hooks';
import { api, type CaseRecord } from '../api';
import type { Vault } from '../vault';

const PER = 10;

/** Online: the server's search, filters and pages. Offline: the caseload kept on the device. */
export function CaseList({
  online,
  vault,
  onOpen,
}: {
  online: boolean;
  vault: Vault;
  onOpen: (id: string) => void;
}) {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState('open');
  const [risk, setRisk] = useState('');
  const [page, setPage] = useState(1);
  const [rows, setRows] = useState<CaseRecord[]>([]);
  const [total, setTotal] = useState(0);
  const [submitted, setSubmitted] = useState('');

  useEffect(() => {
    let stale = false;
    const load = async () => {
      if (online) {
        const params = new URLSearchParams({ page: String(page), per: String(PER), order_by: 'created_at' });
        if (submitted) params.set('query', submitted);
        if (status) params.set('status', status);
        if (risk) params.set('risk_level', risk);
        try {
          const result = await api.cases(params);
          if (!stale) {
            setRows(result.data);
            setTotal(result.metadata.total);
          }
          return;
        } catch {
          // fall back to the device's copy below
        }
      }
      const words = submitted.toLowerCase().split(/\s+/).filter(Boolean);
      const local = (await vault.all<CaseRecord>('records')).filter(
        (r) =>
          (!status || r.status === status) &&
          (!risk || r.risk_level === risk) &&
          words.every((w) => `${r.name ?? ''} ${r.case_id_display ?? ''}`.toLowerCase().includes(w)),
      );
      if (!stale) {
        setRows(local.slice((page - 1) * PER, page * PER));
        setTotal(local.length);
      }
    };
    void load();
    return () => {
      stale = true;
    };
  }, [online, submitted, status, risk, page, vault]);

  const pages = Math.max(1, Math.ceil(total / PER));
  return (
    <main>
      <h1>Cases</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setPage(1);
          setSubmitted(query.trim());
        }}
      >
        <label for="case-search">Search by name or case id</label>
        <div class="inline">
          <input
            id="case-search"
            type="search"
            value={query}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <button type="submit">Search</button>
        </div>
        <label for="filter-status">Status</label>
        <select
          id="filter-status"
          value={status}
          onChange={(e) => (setPage(1), setStatus(e.currentTarget.value))}
        >
          <option value="">Any</option>
          <option value="open">Open</option>
          <option value="closed">Closed</option>
        </select>
        <label for="filter-risk">Risk level</label>
        <select id="filter-risk" value={risk} onChange={(e) => (setPage(1), setRisk(e.currentTarget.value))}>
          <option value="">Any</option>
          <option value="high">High</option>
          <option value="medium">Medium</option>
          <option value="low">Low</option>
        </select>
      </form>
      <p aria-live="polite">{total} cases</p>
      <ul class="list">
        {rows.map((r) => (
          <li key={r.id}>
            <button class="row" onClick={() => onOpen(r.id)}>
              <span>{r.name ?? '—'}</span>
              <span class="muted">
                {r.case_id_display} {r.risk_level ? `· ${r.risk_level}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <nav class="pager" aria-label="Pages">
        <button disabled={page <= 1} onClick={() => setPage(page - 1)}>
          Previous page
        </button>
        <span>
          Page {page} of {pages}
        </span>
        <button disabled={page >= pages} onClick={() => setPage(page + 1)}>
          Next page
        </button>
      </nav>
    </main>
  );
}
