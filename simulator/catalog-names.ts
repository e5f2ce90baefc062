// Static name pools for the fleet generator. Client codes double as hostname prefixes.
// prettier-ignore
export const CLIENT_WORDS: readonly (readonly [word: string, code: string])[] = [
  ['Acme', 'ACME'], ['Northwind', 'NW'], ['Contoso', 'CTSO'], ['Fabrikam', 'FAB'], ['Globex', 'GLBX'],
  ['Initech', 'INIT'], ['Tailspin', 'TSP'], ['Woodgrove', 'WGB'], ['Litware', 'LIT'], ['Proseware', 'PRW'],
  ['Blue Yonder', 'BY'], ['Coho', 'COHO'], ['Alpine', 'ALP'], ['Summit', 'SUM'], ['Harbor', 'HBR'],
  ['Pinecrest', 'PNC'], ['Riverbend', 'RVB'], ['Lakeside', 'LKS'], ['Evergreen', 'EVG'], ['Redwood', 'RDW'],
  ['Granite', 'GRN'], ['Cedar', 'CDR'], ['Maple', 'MPL'], ['Oakridge', 'OAK'], ['Silverline', 'SLV'],
  ['Brightwater', 'BRW'], ['Keystone', 'KEY'], ['Crescent', 'CRS'], ['Horizon', 'HRZ'], ['Meridian', 'MER'],
  ['Beacon', 'BCN'], ['Cobalt', 'CBT'], ['Sterling', 'STL'], ['Liberty', 'LIB'], ['Pioneer', 'PIO'],
  ['Frontier', 'FRT'], ['Heritage', 'HER'], ['Ironwood', 'IRW'], ['Juniper', 'JUN'], ['Kestrel', 'KES'],
  ['Lighthouse', 'LHS'], ['Magnolia', 'MAG'], ['Noble', 'NOB'], ['Orchard', 'ORC'], ['Prairie', 'PRA'],
  ['Quarry', 'QRY'], ['Sequoia', 'SEQ'], ['Trident', 'TRI'], ['Vertex', 'VTX'], ['Willow', 'WIL'],
  ['Zenith', 'ZEN'], ['Bayview', 'BAY'], ['Copperfield', 'CPF'], ['Driftwood', 'DRW'], ['Elmhurst', 'ELM'],
  ['Falcon', 'FAL'], ['Glacier', 'GLC'], ['Hawthorne', 'HAW'], ['Ironclad', 'ICL'], ['Jasper', 'JAS'],
];

/** [kind, regulated] — regulated clients get the HIPAA tag on their devices. */
// prettier-ignore
export const CLIENT_KINDS: readonly (readonly [kind: string, regulated: boolean])[] = [
  ['Dental', true], ['Logistics', false], ['Law Group', false], ['Family Medicine', true],
  ['Accounting', false], ['Architects', false], ['Construction', false], ['Veterinary Clinic', false],
  ['Realty', false], ['Manufacturing', false], ['Credit Union', false], ['Insurance', false],
  ['Engineering', false], ['Pediatrics', true], ['Hotel Group', false], ['Brewing Co.', false],
  ['Auto Group', false], ['School District', false], ['Foundation', false], ['Orthodontics', true],
  ['Financial Advisors', false], ['Marketing', false], ['Property Management', false],
  ['Physical Therapy', true], ['Community Church', false], ['Foods', false], ['Landscaping', false],
  ['Plumbing & HVAC', false], ['Chiropractic', true], ['Title & Escrow', false],
];

export const FIRST_SITES: readonly string[] = ['Main Office', 'Headquarters'];
// prettier-ignore
export const OTHER_SITES: readonly string[] = [
  'Warehouse', 'Remote Workers', 'Downtown Branch', 'North Clinic', 'Satellite Office', 'Retail Store',
  'Distribution Center', 'Field Staff', 'Annex', 'Plant 2', 'West Campus', 'Front Office',
];
export const NESTED_GROUPS: readonly string[] = ['Kiosks', 'Front Desk', 'Executives', 'Shop Floor', 'Lab'];
export const INTERNAL_GROUPS: readonly (readonly [name: string, children: readonly string[]])[] = [
  ['Internal IT', ['Helpdesk Laptops']],
  ['Lab & Staging', []],
  ['Spare Inventory', []],
];

// prettier-ignore
export const FIRST_NAMES: readonly string[] = [
  'James', 'Maria', 'Robert', 'Linda', 'Michael', 'Priya', 'David', 'Aisha', 'Daniel', 'Sofia', 'Kevin',
  'Emily', 'Carlos', 'Hannah', 'Brian', 'Mei', 'Jason', 'Olivia', 'Tariq', 'Grace', 'Lucas', 'Chloe', 'Noah',
  'Fatima', 'Ethan', 'Zoe', 'Samuel', 'Rachel', 'Omar', 'Julia',
];
// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'Smith', 'Johnson', 'Patel', 'Garcia', 'Nguyen', 'Kim', 'Brown', 'Martinez', 'Davis', 'Lopez', 'Wilson',
  'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Chen', 'Lee', 'Harris', 'Clark', 'Lewis', 'Walker',
  'Hall', 'Allen', 'Young', 'Khan', 'Wright', 'Scott', 'Green', 'Baker',
];

// prettier-ignore
export const NICKNAMES: readonly string[] = [
  'Front desk', 'Reception PC', 'Conference Room A', 'Conference Room B', 'Break room kiosk',
  'Shipping station', 'Owner laptop', 'Scanner PC', 'Training room', 'Label printer host', 'X-ray viewer',
  'Checkout 1', 'Checkout 2', 'Dispatch', 'Payroll PC',
];
export const FLAGS: readonly string[] = [
  'Replace hardware',
  'Investigating',
  'Do not reboot',
  'Pending decommission',
];
// prettier-ignore
export const NOTES: readonly string[] = [
  'Replaced PSU 2026-03', 'Loaner laptop — return to IT', 'Battery swelling reported',
  'User on leave until Q3', 'Runs legacy accounting app; do not upgrade', 'BitLocker key escrowed',
  'Reimaged after malware cleanup', 'Vendor-managed imaging software installed',
];

// prettier-ignore
export const LOCATIONS: readonly (readonly [city: string, country: string])[] = [
  ['Asheville', 'United States'], ['Denver', 'United States'], ['Austin', 'United States'],
  ['Columbus', 'United States'], ['Portland', 'United States'], ['Raleigh', 'United States'],
  ['Tampa', 'United States'], ['Madison', 'United States'], ['Boise', 'United States'],
  ['Richmond', 'United States'], ['Omaha', 'United States'], ['Sacramento', 'United States'],
  ['Toronto', 'Canada'], ['Calgary', 'Canada'], ['Manchester', 'United Kingdom'],
  ['Leeds', 'United Kingdom'], ['Dublin', 'Ireland'], ['Melbourne', 'Australia'],
  ['Auckland', 'New Zealand'], ['Munich', 'Germany'],
];

export const TAG_NAMES = {
  critical: '🔥 critical-infra',
  vip: 'VIP',
  finance: 'Finance',
  kiosk: 'Kiosk',
  backup: 'Backup target',
  laptop: 'Laptop',
  hipaa: 'HIPAA',
  pilot: 'Pilot ring',
  replace: 'Needs replacement',
  remote: 'Remote',
} as const;
