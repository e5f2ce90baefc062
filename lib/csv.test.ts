import { csvCell, toCsv } from '@/lib/csv';
import { describe, expect, it } from 'vitest';

describe('csv', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('defuses cells a spreadsheet would evaluate', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes a header and one CRLF line per row', () => {
    const text = toCsv(
      [
        { id: 'a', tags: ['x', 'y'] },
        { id: 'b', tags: [] },
      ],
      [
        { header: 'id', value: (row) => row.id },
        { header: 'tags', value: (row) => row.tags.join('; ') },
      ],
    );
    expect(text).toBe('id,tags\r\na,x; y\r\nb,\r\n');
  });
});
