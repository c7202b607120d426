// Breadcrumbs of a document: the themes that contain it (relations `theme-content`), each shown as
// [parent theme, theme] (relation `theme`), keeping the shortest path with the lowest position,
// as export-elasticsearch does. Themes and relations are a few thousand rows: loaded once.
import type pg from 'pg';

export interface Breadcrumb {
  label: string;
  position: number;
  slug: string;
}

export type GetBreadcrumbs = (cdtnId: string) => Breadcrumb[];

interface ThemeRow {
  cdtnId: string;
  slug: string;
  title: string;
  parentId: string | null;
  position: number | null;
}

export async function loadBreadcrumbs(pool: pg.Pool): Promise<GetBreadcrumbs> {
  const themes = await pool.query<ThemeRow>(
    `SELECT t.cdtn_id AS "cdtnId", t.slug, t.title, r.document_a AS "parentId",
            (r.data->>'position')::numeric::int AS position
       FROM public.documents t
       LEFT JOIN LATERAL (SELECT document_a, data FROM public.document_relations
                           WHERE document_b = t.cdtn_id AND type = 'theme' LIMIT 1) r ON true
      WHERE t.source = 'themes'`,
  );
  const contents = await pool.query<{ themeId: string; contentId: string }>(
    `SELECT r.document_a AS "themeId", r.document_b AS "contentId"
       FROM public.document_relations r JOIN public.documents b ON b.cdtn_id = r.document_b
      WHERE r.type = 'theme-content' AND b.is_published AND b.is_available`,
  );
  const byId = new Map(themes.rows.map((theme) => [theme.cdtnId, theme]));
  const crumb = (theme: ThemeRow, parent?: ThemeRow): Breadcrumb => ({
    label: theme.title,
    position: theme.position ?? 0,
    slug: parent ? `/themes/${parent.slug}#${theme.slug}` : `/themes/${theme.slug}`,
  });
  const pathOf = (theme: ThemeRow): Breadcrumb[] => {
    const parent = theme.parentId ? byId.get(theme.parentId) : undefined;
    return parent ? [crumb(parent), crumb(theme, parent)] : [crumb(theme)];
  };
  const themesOf = new Map<string, string[]>();
  const link = (contentId: string, themeId: string) =>
    themesOf.set(contentId, [...(themesOf.get(contentId) ?? []), themeId]);
  for (const theme of themes.rows) link(theme.cdtnId, theme.cdtnId);
  for (const { themeId, contentId } of contents.rows) link(contentId, themeId);

  return (cdtnId) => {
    const paths = (themesOf.get(cdtnId) ?? []).flatMap((id) => {
      const theme = byId.get(id);
      return theme ? [pathOf(theme)] : [];
    });
    return mainBreadcrumbs(paths);
  };
}

/** The first path, replaced by any later one that is shorter and starts at a lower position. */
function mainBreadcrumbs(paths: Breadcrumb[][]): Breadcrumb[] {
  const minPosition = (path: Breadcrumb[]) => Math.min(...path.map((c) => c.position));
  return paths.reduce<Breadcrumb[]>(
    (best, path, index) =>
      index > 0 && best.length > path.length && minPosition(best) > minPosition(path) ? path : best,
    paths[0] ?? [],
  );
}
