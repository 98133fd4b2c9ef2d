export { type Column, CellDef, DataTable } from './data-table';
export { type FilterOption, FilterSelect, labelOptions } from './filter-select';
export { ListShell } from './list-shell';
export { type ListState, Pager, listState, settled } from './list-state';
export { PHONE, phoneWidth } from './phone';
export { ListToolbar } from './list-toolbar';
export { fromUrl, keepInUrl, toUrl, type UrlField } from './url-query';
