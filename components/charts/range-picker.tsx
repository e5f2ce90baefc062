import { Segmented } from '@/components/ui/segmented';
import type { HistoryRange } from '@/lib/domain/history';
import { RANGE_LABEL } from '@/lib/format';

export function RangePicker<T extends HistoryRange>({
  ranges,
  value,
  onChange,
}: {
  ranges: readonly T[];
  value: T;
  onChange: (range: T) => void;
}) {
  return (
    <Segmented
      label="History range"
      options={ranges.map((range) => ({ value: range, label: RANGE_LABEL[range] }))}
      value={value}
      onChange={onChange}
      testId="range-picker"
    />
  );
}
