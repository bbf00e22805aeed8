import { useState } from 'react';
import { App, Button } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { download } from '../api';
import { errorMessage } from './ErrorState';

type Params = Record<string, string | number | boolean | null | undefined>;

/**
 * 导出 Excel: the list under the filters now applied, built by the server (the same scope, words for
 * every code, audited). Paging and sorting are the list's; the file carries every matching row.
 */
export function ExportButton({ path, params }: { path: string; params: Params }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      const { page: _page, pageSize: _size, ...filters } = params;
      const { blob, fileName } = await download(path, filters);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      void message.error(errorMessage(error, t('errors.network')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<FileExcelOutlined aria-hidden />} loading={busy} onClick={() => void run()}>
      {t('common.exportExcel')}
    </Button>
  );
}

/** 打印: the page's print style leaves the filtered list alone on paper (styles.css, @media print). */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
      {t('common.print')}
    </Button>
  );
}
