import mongoose from 'mongoose';

/**
 * Text a person searched for, matched literally and case-insensitively inside a field: the characters
 * they typed never act as a pattern (escaped), and the length is bounded by the query schema (`searchText`).
 */
export const containsText = (text: string) =>
  mongoose.trusted({ $regex: text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), $options: 'i' }) as unknown as string;
