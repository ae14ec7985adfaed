// A readable name for an element of the list: its text when it has some, else what its tag says,
// else its selector's last step.

const TAG_NAMES: Record<string, string> = {
  a: 'Link', button: 'Button', input: 'Input', select: 'Select', textarea: 'Text area', img: 'Image', svg: 'Icon',
  path: 'Icon', label: 'Label', summary: 'Summary', h1: 'Heading', h2: 'Heading', h3: 'Heading', h4: 'Heading',
  p: 'Paragraph', li: 'List item', span: 'Text', div: 'Block', section: 'Section', nav: 'Navigation', body: 'Page background',
  header: 'Header', footer: 'Footer', main: 'Main content', article: 'Article', form: 'Form', video: 'Video',
};

export function elementLabel(element: { selector: string; tag: string; text: string }): string {
  const text = element.text.trim();
  if (text) return text;
  const tag = element.tag || lastTag(element.selector);
  if (!element.selector) return 'Unnamed element';
  return TAG_NAMES[tag] ?? (tag ? `<${tag}>` : element.selector);
}

function lastTag(selector: string): string {
  const last = selector.split(/[\s>]+/).pop() ?? '';
  const match = /^([a-z][a-z0-9-]*)/i.exec(last);
  return match ? match[1]!.toLowerCase() : '';
}
