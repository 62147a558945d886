export type WelcomeVariables = Partial<Record<'customer_name' | 'staff_name' | 'channel_name', string | null>>;

const PLACEHOLDER = /\{(customer_name|staff_name|channel_name)(?:\|([^{}]*))?\}/g;

/**
 * Fills {customer_name}, {staff_name}, {channel_name}. `{customer_name|朋友}` gives the fallback after the bar
 * when the value is missing or empty; without a fallback a missing value becomes ''. Other braces stay as written.
 */
export function renderText(template: string, vars: WelcomeVariables): string {
  return template.replace(PLACEHOLDER, (_m, name: keyof WelcomeVariables, fallback?: string) => {
    const value = vars[name];
    return value ? value : (fallback ?? '');
  });
}

/** The names a template uses, so the sender only looks up what it needs. */
export function variablesIn(template: string): Set<string> {
  return new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]));
}
