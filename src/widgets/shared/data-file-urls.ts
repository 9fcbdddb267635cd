/** Site-relative URLs of the data files notebooks download (hashed build assets of this site). */
import mnistSubsetUrl from '../../data/mnist/mnist-subset.bin?url';
import type { DataFileId } from '../../lib/notebook/data-files';

export const dataFileUrls: Record<DataFileId, string> = { 'mnist-subset': mnistSubsetUrl };
