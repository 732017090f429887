/**
 * {@code torch.utils}: activation checkpointing ({@link dev.jgrad.utils.Checkpoint}, trading compute for
 * memory by recomputing a block's forward during backward); datasets and the DataLoader are in
 * {@code dev.jgrad.utils.data}.
 */
package dev.jgrad.utils;
