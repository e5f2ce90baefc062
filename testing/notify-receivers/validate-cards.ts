// The documented request shapes of Teams and Slack, checked the way the services check them (the
// rules a real receiver refuses a message for), so a driver test fails on what would fail in
// production. Each check returns the problems found; none means accepted.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  !!value && typeof value === 'object' && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isHttpUrl = (value: unknown) => {
  if (!isString(value)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

// --- Microsoft Teams: Workflows message with an Adaptive Card (schema 1.0–1.5) --------------------

const CARD_ELEMENTS = new Set([
  'TextBlock',
  'Image',
  'Media',
  'RichTextBlock',
  'Container',
  'ColumnSet',
  'FactSet',
  'ImageSet',
  'ActionSet',
  'Table',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);
const CARD_ACTIONS = new Set([
  'Action.OpenUrl',
  'Action.Submit',
  'Action.ShowCard',
  'Action.ToggleVisibility',
  'Action.Execute',
]);
const TEXT_COLOURS = new Set(['default', 'dark', 'light', 'accent', 'good', 'warning', 'attention']);
/** Teams refuses a card past about 28 KB. */
export const TEAMS_MAX_BYTES = 28 * 1024;

function checkActions(actions: unknown, where: string, problems: string[]) {
  if (!Array.isArray(actions)) return problems.push(`${where}: actions must be an array`);
  actions.forEach((action, index) => {
    const at = `${where}.actions[${index}]`;
    if (!isObject(action) || !CARD_ACTIONS.has(String(action.type)))
      return problems.push(`${at}: unknown action type`);
    if (action.type === 'Action.OpenUrl') {
      if (!isHttpUrl(action.url)) problems.push(`${at}: Action.OpenUrl needs an absolute url`);
      if (!isString(action.title) || action.title === '') problems.push(`${at}: title missing`);
    }
  });
}

function checkElements(elements: unknown, where: string, problems: string[]) {
  if (!Array.isArray(elements)) return problems.push(`${where} must be an array`);
  elements.forEach((element, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(element) || !CARD_ELEMENTS.has(String(element.type)))
      return problems.push(`${at}: unknown element type ${isObject(element) ? String(element.type) : ''}`);
    switch (element.type) {
      case 'TextBlock':
        if (!isString(element.text) || element.text === '') problems.push(`${at}: TextBlock needs text`);
        if (element.color !== undefined && !TEXT_COLOURS.has(String(element.color).toLowerCase()))
          problems.push(`${at}: unknown color ${String(element.color)}`);
        break;
      case 'FactSet':
        if (!Array.isArray(element.facts) || element.facts.length === 0)
          problems.push(`${at}: FactSet needs facts`);
        else if (
          !element.facts.every((fact) => isObject(fact) && isString(fact.title) && isString(fact.value))
        )
          problems.push(`${at}: each fact needs a string title and value`);
        break;
      case 'Container':
        checkElements(element.items, `${at}.items`, problems);
        break;
      case 'ActionSet':
        checkActions(element.actions, at, problems);
        break;
    }
  });
}

export function validateAdaptiveCardMessage(body: unknown, rawBytes: number): string[] {
  const problems: string[] = [];
  if (rawBytes > TEAMS_MAX_BYTES)
    problems.push(`message is ${rawBytes} bytes, over Teams' ${TEAMS_MAX_BYTES}`);
  if (!isObject(body) || body.type !== 'message') return [...problems, 'type must be "message"'];
  if (!Array.isArray(body.attachments) || body.attachments.length === 0)
    return [...problems, 'attachments missing'];
  body.attachments.forEach((attachment, index) => {
    const at = `attachments[${index}]`;
    if (!isObject(attachment)) return problems.push(`${at} must be an object`);
    if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive')
      problems.push(`${at}.contentType must be application/vnd.microsoft.card.adaptive`);
    const card = attachment.content;
    if (!isObject(card) || card.type !== 'AdaptiveCard')
      return problems.push(`${at}.content must be an AdaptiveCard`);
    if (!/^1\.[0-5]$/.test(String(card.version)))
      problems.push(`${at}.content.version must be 1.0–1.5 (Teams)`);
    checkElements(card.body, `${at}.content.body`, problems);
    if (card.actions !== undefined) checkActions(card.actions, `${at}.content`, problems);
  });
  return problems;
}

export function validateMessageCard(body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body) || body['@type'] !== 'MessageCard') return ['@type must be "MessageCard"'];
  if (!isString(body.summary) && !isString(body.text)) problems.push('summary or text is required');
  if (body.themeColor !== undefined && !/^[0-9A-Fa-f]{6}$/.test(String(body.themeColor)))
    problems.push('themeColor must be 6 hex digits');
  const checkPotential = (actions: unknown, where: string) => {
    if (actions === undefined) return;
    if (!Array.isArray(actions)) return problems.push(`${where}: potentialAction must be an array`);
    actions.forEach((action, index) => {
      if (!isObject(action) || action['@type'] !== 'OpenUri')
        return problems.push(`${where}[${index}]: only OpenUri expected`);
      const targets = action.targets;
      if (!Array.isArray(targets) || !targets.every((target) => isObject(target) && isHttpUrl(target.uri)))
        problems.push(`${where}[${index}]: targets need absolute uris`);
    });
  };
  checkPotential(body.potentialAction, 'potentialAction');
  if (body.sections !== undefined) {
    if (!Array.isArray(body.sections)) problems.push('sections must be an array');
    else
      body.sections.forEach((section, index) => {
        if (!isObject(section)) return problems.push(`sections[${index}] must be an object`);
        if (
          section.facts !== undefined &&
          !(
            Array.isArray(section.facts) &&
            section.facts.every((fact) => isObject(fact) && isString(fact.name) && isString(fact.value))
          )
        )
          problems.push(`sections[${index}].facts need name and value`);
        checkPotential(section.potentialAction, `sections[${index}].potentialAction`);
      });
  }
  return problems;
}

// --- Slack: incoming webhook, Block Kit ------------------------------------------------------------

const BLOCK_TYPES = new Set([
  'header',
  'section',
  'context',
  'actions',
  'divider',
  'image',
  'rich_text',
  'video',
  'file',
  'input',
]);

function checkText(text: unknown, where: string, max: number, problems: string[], plainOnly = false) {
  if (!isObject(text) || (text.type !== 'plain_text' && text.type !== 'mrkdwn'))
    return problems.push(`${where}: a text object (plain_text or mrkdwn) is required`);
  if (plainOnly && text.type !== 'plain_text') problems.push(`${where}: must be plain_text`);
  if (text.type === 'mrkdwn' && text.emoji !== undefined)
    problems.push(`${where}: emoji is only valid on plain_text`);
  if (!isString(text.text) || text.text.length === 0) problems.push(`${where}: text must not be empty`);
  else if (text.text.length > max)
    problems.push(`${where}: text is ${text.text.length} characters, over ${max}`);
}

export function validateSlackMessage(body: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(body)) return ['body must be a JSON object'];
  if (!isString(body.text) || body.text === '') problems.push('text (the notification fallback) is missing');
  if (body.blocks === undefined) return problems;
  if (!Array.isArray(body.blocks)) return [...problems, 'blocks must be an array'];
  if (body.blocks.length > 50) problems.push(`${body.blocks.length} blocks, over 50`);
  const actionIds = new Set<string>();
  body.blocks.forEach((block, index) => {
    const at = `blocks[${index}]`;
    if (!isObject(block) || !BLOCK_TYPES.has(String(block.type)))
      return problems.push(`${at}: invalid block type`);
    if (block.block_id !== undefined && (!isString(block.block_id) || block.block_id.length > 255))
      problems.push(`${at}: block_id too long`);
    switch (block.type) {
      case 'header':
        checkText(block.text, `${at}.text`, 150, problems, true);
        break;
      case 'section':
        if (block.text === undefined && block.fields === undefined)
          problems.push(`${at}: section needs text or fields`);
        if (block.text !== undefined) checkText(block.text, `${at}.text`, 3000, problems);
        if (block.fields !== undefined) {
          if (!Array.isArray(block.fields) || block.fields.length > 10)
            problems.push(`${at}: at most 10 fields`);
          else
            block.fields.forEach((field, fieldIndex) =>
              checkText(field, `${at}.fields[${fieldIndex}]`, 2000, problems),
            );
        }
        break;
      case 'context':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 10)
          problems.push(`${at}: context needs 1–10 elements`);
        else
          block.elements.forEach((element, elementIndex) =>
            checkText(element, `${at}.elements[${elementIndex}]`, 3000, problems),
          );
        break;
      case 'actions':
        if (!Array.isArray(block.elements) || block.elements.length === 0 || block.elements.length > 25)
          problems.push(`${at}: actions needs 1–25 elements`);
        else
          block.elements.forEach((element, elementIndex) => {
            const where = `${at}.elements[${elementIndex}]`;
            if (!isObject(element) || element.type !== 'button')
              return problems.push(`${where}: expected a button`);
            checkText(element.text, `${where}.text`, 75, problems, true);
            if (element.url !== undefined && (!isHttpUrl(element.url) || String(element.url).length > 3000))
              problems.push(`${where}: url must be an absolute URL of at most 3000 characters`);
            if (element.action_id !== undefined) {
              const id = String(element.action_id);
              if (id.length > 255) problems.push(`${where}: action_id too long`);
              if (actionIds.has(id)) problems.push(`${where}: action_id "${id}" is not unique`);
              actionIds.add(id);
            }
          });
        break;
    }
  });
  return problems;
}
