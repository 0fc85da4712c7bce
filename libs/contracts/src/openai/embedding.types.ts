/** Embeddings response body. */
export interface Embedding {
  object: 'embedding';
  index: number;
  /** Numbers for `encoding_format: 'float'`, a base64 string of float32 values for `'base64'`. */
  embedding: number[] | string;
}

export interface EmbeddingUsage {
  prompt_tokens: number;
  total_tokens: number;
}

export interface EmbeddingResponse {
  object: 'list';
  data: Embedding[];
  model: string;
  usage: EmbeddingUsage;
}
