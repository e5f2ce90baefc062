import { acknowledgedText } from '@/components/status/acknowledged-label';
import { WallClientTile } from '@/components/wall/wall-client-tile';
import { WallSince } from '@/components/wall/wall-since';
import { STRIPE_TONE, TONE_LABEL } from '@/components/wall/wall-tones';
import type { ClientSummary } from '@/lib/domain/fleet';
import type { WallProblem } from '@/lib/domain/wall';
import { formatCount } from '@/lib/format';
import type { AcknowledgeKeyState } from '@/lib/wall/hooks/use-acknowledge-key';
import { problemTitle, problemTone, worstFirst } from '@/lib/wall/problems';
import clsx from 'clsx';
import { format } from 'date-fns';

const CARDS = 3;

const holdDuration = (ms: number) =>
  ms < 120_000 ? `${Math.round(ms / 1_000)} s` : `${Math.round(ms / 60_000)} min`;

/**
 * One held problem, large; a size container, so a lone problem fills the screen with big type.
 * Every line's size follows the card's height (cqh) and its line height is fixed, so the four
 * lines always fit in the card: with three cards at 1080p the reason line once showed only the top
 * half of its letters (issue 16). The rem floors are small enough to fit a card at 1366×768.
 */
function HoldCard({ problem }: { problem: WallProblem }) {
  const tone = problemTone(problem);
  // A held device may carry an acknowledged reason beside the new one that holds it.
  const ack =
    problem.acknowledged ??
    problem.offline?.acknowledged ??
    problem.alerts.find((alert) => alert.acknowledged)?.acknowledged ??
    null;
  return (
    <li
      className="wall-attention [container-type:size] relative min-h-0 overflow-hidden rounded-[1.25rem] border-[0.2rem] border-critical bg-raised"
      data-testid="wall-hold-problem"
      data-device-id={problem.deviceId}
      data-tone={tone}
    >
      <span aria-hidden className={clsx('absolute inset-y-0 left-0 w-[0.75rem]', STRIPE_TONE[tone])} />
      <div className="grid h-full grid-cols-[minmax(0,1fr)_auto] items-center gap-[2rem] pr-[2.5rem] pl-[3rem]">
        <div className="min-w-0">
          <p className="text-[clamp(1rem,11cqh,3rem)] leading-[1.2] font-bold text-critical uppercase">
            {TONE_LABEL[tone]}
          </p>
          <p
            className="truncate text-[clamp(1.5rem,23cqh,8rem)] leading-[1.2] font-bold"
            data-wall-text="name"
          >
            {problem.deviceName}
          </p>
          <p
            className="truncate text-[clamp(1rem,12cqh,3.5rem)] leading-[1.2] text-muted"
            data-wall-text="detail"
          >
            {problem.groupPath.length ? problem.groupPath.join(' / ') : 'Ungrouped'}
          </p>
          <p className="truncate text-[clamp(1.125rem,15cqh,4.5rem)] leading-[1.2]" data-wall-text="detail">
            {problemTitle(problem)}
          </p>
          {ack ? (
            <p
              className="truncate text-[clamp(1.125rem,11cqh,3rem)] leading-[1.2] text-muted"
              data-testid="wall-acknowledged"
              data-wall-text="detail"
            >
              {acknowledgedText(ack)}
            </p>
          ) : null}
        </div>
        <WallSince at={problem.latestAt} size="hold" />
      </div>
    </li>
  );
}

/**
 * Shown instead of the rotation while a newly worse problem is unresolved (at most the hold's
 * maximum): the problems themselves, worst first, large, and the clients they hit.
 */
export function WallHold({
  held,
  clients,
  otherProblems,
  since,
  holdMaxMs,
  acknowledgeKey = null,
}: {
  held: WallProblem[];
  clients: ClientSummary[];
  otherProblems: number;
  since: number;
  holdMaxMs: number;
  acknowledgeKey?: AcknowledgeKeyState | null;
}) {
  const worst = worstFirst(held);
  // With three cards or more the cards need the room (their lines carry the group path anyway).
  const affected =
    held.length >= CARDS
      ? []
      : clients.filter((client) => worst.some((problem) => problem.clientId === client.id)).slice(0, 3);
  return (
    <section className="flex h-full flex-col gap-[1.25rem]" aria-label="New problem" data-testid="wall-hold">
      <div className="flex items-center gap-[1.5rem] rounded-[1rem] border-[0.2rem] border-critical bg-critical/15 px-[1.5rem] py-[0.75rem]">
        <span className="rounded-[0.5rem] bg-critical px-[1rem] py-[0.25rem] text-[2rem] font-bold text-surface">
          NEW PROBLEM
        </span>
        <p className="text-[1.75rem]">
          Holding here until {held.length > 1 ? 'they are' : 'it is'} resolved
          {holdMaxMs > 0 ? `, at most ${holdDuration(holdMaxMs)}` : ''} · since {format(since, 'HH:mm:ss')}
        </p>
        {acknowledgeKey ? (
          <p
            className="ml-auto text-[1.75rem] font-semibold"
            data-testid="wall-acknowledge-key"
            data-state={acknowledgeKey}
          >
            {acknowledgeKey === 'failed' ? 'Acknowledging failed · A to retry' : 'A · acknowledge'}
          </p>
        ) : null}
      </div>
      <ol
        className="grid min-h-0 flex-1 gap-[1rem]"
        style={{ gridTemplateRows: `repeat(${Math.min(Math.max(held.length, 1), CARDS)}, minmax(0, 1fr))` }}
      >
        {worst.slice(0, CARDS).map((problem) => (
          <HoldCard key={problem.deviceId} problem={problem} />
        ))}
        {held.length === 0 ? (
          // Past the list's limit, or gone between two polls: the next poll ends the hold.
          <li className="m-auto text-[2.5rem] text-muted">Checking the new problem…</li>
        ) : null}
      </ol>
      {held.length > CARDS ? (
        <p className="text-[1.75rem] font-semibold">+ {formatCount(held.length - CARDS)} more new problems</p>
      ) : null}
      {affected.length ? (
        <ul
          className="grid h-[11rem] gap-[1rem]"
          style={{ gridTemplateColumns: `repeat(${affected.length}, minmax(0, 1fr))` }}
        >
          {affected.map((client) => (
            <WallClientTile key={client.id} client={client} isNew />
          ))}
        </ul>
      ) : null}
      <p className="text-[1.5rem] text-muted">
        {otherProblems
          ? `${formatCount(otherProblems)} other device${otherProblems === 1 ? '' : 's'} need attention.`
          : 'Nothing else needs attention.'}
      </p>
    </section>
  );
}
