/**
 * The bibliography: every source the notebook cites, one entry per key, shared by both languages.
 * `Cite` components in the chapters refer to these keys; the references page renders them all.
 * A unit test checks that every cited key exists here and that every entry is cited somewhere.
 */
export interface Source {
  /** Authors as printed on the paper, "Family, G." style; "et al." allowed for long lists. */
  authors: string[];
  title: string;
  /** Venue as commonly cited, e.g. "CVPR" or "Nature 521:436–444". */
  venue: string;
  year: number;
  arxiv?: string;
  doi?: string;
  /** A stable landing page when neither arXiv nor DOI exists. */
  url?: string;
  /**
   * Short label used in inline citations, e.g. "He et al. 2016a": the year is `year`, with a
   * letter when the same first author has two entries that year (unit-tested).
   */
  short: string;
}

export const bibliography = {
  alexnet: {
    authors: ['Krizhevsky, A.', 'Sutskever, I.', 'Hinton, G. E.'],
    title: 'ImageNet Classification with Deep Convolutional Neural Networks',
    venue: 'Advances in Neural Information Processing Systems 25 (NIPS 2012), 1097–1105',
    year: 2012,
    // The NIPS 2012 paper has no DOI (10.1145/3065386 is the 2017 reprint in Communications of the ACM).
    url: 'https://papers.nips.cc/paper_files/paper/2012/hash/c399862d3b9d6b76c8436e924a68c45b-Abstract.html',
    short: 'Krizhevsky et al. 2012',
  },
  zfnet: {
    authors: ['Zeiler, M. D.', 'Fergus, R.'],
    title: 'Visualizing and Understanding Convolutional Networks',
    venue: 'ECCV',
    year: 2014,
    arxiv: '1311.2901',
    short: 'Zeiler & Fergus 2014',
  },
  vgg: {
    authors: ['Simonyan, K.', 'Zisserman, A.'],
    title: 'Very Deep Convolutional Networks for Large-Scale Image Recognition',
    venue: 'ICLR',
    year: 2015,
    arxiv: '1409.1556',
    short: 'Simonyan & Zisserman 2015',
  },
  googlenet: {
    authors: ['Szegedy, C.', 'Liu, W.', 'Jia, Y.', 'Sermanet, P.', 'Reed, S.', 'Anguelov, D.', 'Erhan, D.', 'Vanhoucke, V.', 'Rabinovich, A.'],
    title: 'Going Deeper with Convolutions',
    venue: 'CVPR',
    year: 2015,
    arxiv: '1409.4842',
    short: 'Szegedy et al. 2015',
  },
  bn: {
    authors: ['Ioffe, S.', 'Szegedy, C.'],
    title: 'Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift',
    venue: 'ICML',
    year: 2015,
    arxiv: '1502.03167',
    short: 'Ioffe & Szegedy 2015',
  },
  resnet: {
    authors: ['He, K.', 'Zhang, X.', 'Ren, S.', 'Sun, J.'],
    title: 'Deep Residual Learning for Image Recognition',
    venue: 'CVPR',
    year: 2016,
    arxiv: '1512.03385',
    short: 'He et al. 2016a',
  },
  resnetmodels: {
    authors: ['He, K.', 'Zhang, X.', 'Ren, S.', 'Sun, J.'],
    title: 'Deep Residual Networks: the original ResNet-50/101/152 ImageNet models (Caffe prototxt)',
    venue: 'GitHub repository KaimingHe/deep-residual-networks',
    year: 2016,
    url: 'https://github.com/KaimingHe/deep-residual-networks',
    short: 'He et al., official models',
  },
  inceptionv3: {
    authors: ['Szegedy, C.', 'Vanhoucke, V.', 'Ioffe, S.', 'Shlens, J.', 'Wojna, Z.'],
    title: 'Rethinking the Inception Architecture for Computer Vision',
    venue: 'CVPR',
    year: 2016,
    arxiv: '1512.00567',
    short: 'Szegedy et al. 2016',
  },
  preact: {
    authors: ['He, K.', 'Zhang, X.', 'Ren, S.', 'Sun, J.'],
    title: 'Identity Mappings in Deep Residual Networks',
    venue: 'ECCV',
    year: 2016,
    arxiv: '1603.05027',
    short: 'He et al. 2016b',
  },
  veit: {
    authors: ['Veit, A.', 'Wilber, M.', 'Belongie, S.'],
    title: 'Residual Networks Behave Like Ensembles of Relatively Shallow Networks',
    venue: 'NIPS',
    year: 2016,
    arxiv: '1605.06431',
    short: 'Veit et al. 2016',
  },
  balduzzi: {
    authors: ['Balduzzi, D.', 'Frean, M.', 'Leary, L.', 'Lewis, J. P.', 'Ma, K. W.-D.', 'McWilliams, B.'],
    title: 'The Shattered Gradients Problem: If resnets are the answer, then what is the question?',
    venue: 'ICML',
    year: 2017,
    arxiv: '1702.08591',
    short: 'Balduzzi et al. 2017',
  },
  li2018: {
    authors: ['Li, H.', 'Xu, Z.', 'Taylor, G.', 'Studer, C.', 'Goldstein, T.'],
    title: 'Visualizing the Loss Landscape of Neural Nets',
    venue: 'NeurIPS',
    year: 2018,
    arxiv: '1712.09913',
    short: 'Li et al. 2018',
  },
  goyal: {
    authors: ['Goyal, P.', 'Dollár, P.', 'Girshick, R.', 'Noordhuis, P.', 'Wesolowski, L.', 'Kyrola, A.', 'Tulloch, A.', 'Jia, Y.', 'He, K.'],
    title: 'Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour',
    venue: 'arXiv preprint',
    year: 2017,
    arxiv: '1706.02677',
    short: 'Goyal et al. 2017',
  },
  santurkar: {
    authors: ['Santurkar, S.', 'Tsipras, D.', 'Ilyas, A.', 'Madry, A.'],
    title: 'How Does Batch Normalization Help Optimization?',
    venue: 'NeurIPS',
    year: 2018,
    arxiv: '1805.11604',
    short: 'Santurkar et al. 2018',
  },
  battaglia: {
    authors: ['Battaglia, P. W.', 'et al.'],
    title: 'Relational inductive biases, deep learning, and graph networks',
    venue: 'arXiv preprint',
    year: 2018,
    arxiv: '1806.01261',
    short: 'Battaglia et al. 2018',
  },
  highway: {
    authors: ['Srivastava, R. K.', 'Greff, K.', 'Schmidhuber, J.'],
    title: 'Training Very Deep Networks',
    venue: 'NIPS',
    year: 2015,
    arxiv: '1507.06228',
    short: 'Srivastava et al. 2015',
  },
  nin: {
    authors: ['Lin, M.', 'Chen, Q.', 'Yan, S.'],
    title: 'Network In Network',
    venue: 'ICLR',
    year: 2014,
    arxiv: '1312.4400',
    short: 'Lin et al. 2014',
  },
  lecun2015: {
    authors: ['LeCun, Y.', 'Bengio, Y.', 'Hinton, G.'],
    title: 'Deep learning',
    venue: 'Nature 521:436–444',
    year: 2015,
    doi: '10.1038/nature14539',
    short: 'LeCun et al. 2015',
  },
  dlbook: {
    authors: ['Goodfellow, I.', 'Bengio, Y.', 'Courville, A.'],
    title: 'Deep Learning',
    venue: 'MIT Press',
    year: 2016,
    url: 'https://www.deeplearningbook.org/',
    short: 'Goodfellow et al. 2016',
  },
  lecun1989: {
    authors: ['LeCun, Y.', 'Boser, B.', 'Denker, J. S.', 'Henderson, D.', 'Howard, R. E.', 'Hubbard, W.', 'Jackel, L. D.'],
    title: 'Backpropagation Applied to Handwritten Zip Code Recognition',
    venue: 'Neural Computation 1(4):541–551',
    year: 1989,
    doi: '10.1162/neco.1989.1.4.541',
    short: 'LeCun et al. 1989',
  },
  lenet: {
    authors: ['LeCun, Y.', 'Bottou, L.', 'Bengio, Y.', 'Haffner, P.'],
    title: 'Gradient-based learning applied to document recognition',
    venue: 'Proceedings of the IEEE 86(11):2278–2324',
    year: 1998,
    doi: '10.1109/5.726791',
    short: 'LeCun et al. 1998',
  },
  ilsvrc: {
    authors: ['Russakovsky, O.', 'et al.'],
    title: 'ImageNet Large Scale Visual Recognition Challenge',
    venue: 'International Journal of Computer Vision 115:211–252',
    year: 2015,
    arxiv: '1409.0575',
    short: 'Russakovsky et al. 2015',
  },
  rumelhart: {
    authors: ['Rumelhart, D. E.', 'Hinton, G. E.', 'Williams, R. J.'],
    title: 'Learning representations by back-propagating errors',
    venue: 'Nature 323:533–536',
    year: 1986,
    doi: '10.1038/323533a0',
    short: 'Rumelhart et al. 1986',
  },
  fcn: {
    authors: ['Long, J.', 'Shelhamer, E.', 'Darrell, T.'],
    title: 'Fully Convolutional Networks for Semantic Segmentation',
    venue: 'CVPR',
    year: 2015,
    arxiv: '1411.4038',
    short: 'Long et al. 2015',
  },
  allconv: {
    authors: ['Springenberg, J. T.', 'Dosovitskiy, A.', 'Brox, T.', 'Riedmiller, M.'],
    title: 'Striving for Simplicity: The All Convolutional Net',
    venue: 'ICLR workshop',
    year: 2015,
    arxiv: '1412.6806',
    short: 'Springenberg et al. 2015',
  },
  fixup: {
    authors: ['Zhang, H.', 'Dauphin, Y. N.', 'Ma, T.'],
    title: 'Fixup Initialization: Residual Learning Without Normalization',
    venue: 'ICLR',
    year: 2019,
    arxiv: '1901.09321',
    short: 'Zhang et al. 2019',
  },
  yang2019: {
    authors: ['Yang, G.', 'Pennington, J.', 'Rao, V.', 'Sohl-Dickstein, J.', 'Schoenholz, S. S.'],
    title: 'A Mean Field Theory of Batch Normalization',
    venue: 'ICLR',
    year: 2019,
    arxiv: '1902.08129',
    short: 'Yang et al. 2019',
  },
  heinit: {
    authors: ['He, K.', 'Zhang, X.', 'Ren, S.', 'Sun, J.'],
    title: 'Delving Deep into Rectifiers: Surpassing Human-Level Performance on ImageNet Classification',
    venue: 'ICCV',
    year: 2015,
    arxiv: '1502.01852',
    short: 'He et al. 2015',
  },
  glorot: {
    authors: ['Glorot, X.', 'Bengio, Y.'],
    title: 'Understanding the difficulty of training deep feedforward neural networks',
    venue: 'AISTATS',
    year: 2010,
    url: 'https://proceedings.mlr.press/v9/glorot10a.html',
    short: 'Glorot & Bengio 2010',
  },
  deformable: {
    authors: ['Dai, J.', 'Qi, H.', 'Xiong, Y.', 'Li, Y.', 'Zhang, G.', 'Hu, H.', 'Wei, Y.'],
    title: 'Deformable Convolutional Networks',
    venue: 'ICCV',
    year: 2017,
    arxiv: '1703.06211',
    short: 'Dai et al. 2017',
  },
  resnext: {
    authors: ['Xie, S.', 'Girshick, R.', 'Dollár, P.', 'Tu, Z.', 'He, K.'],
    title: 'Aggregated Residual Transformations for Deep Neural Networks',
    venue: 'CVPR',
    year: 2017,
    arxiv: '1611.05431',
    short: 'Xie et al. 2017',
  },
  densenet: {
    authors: ['Huang, G.', 'Liu, Z.', 'van der Maaten, L.', 'Weinberger, K. Q.'],
    title: 'Densely Connected Convolutional Networks',
    venue: 'CVPR',
    year: 2017,
    arxiv: '1608.06993',
    short: 'Huang et al. 2017',
  },
  senet: {
    authors: ['Hu, J.', 'Shen, L.', 'Sun, G.'],
    title: 'Squeeze-and-Excitation Networks',
    venue: 'CVPR',
    year: 2018,
    arxiv: '1709.01507',
    short: 'Hu et al. 2018',
  },
  efficientnet: {
    authors: ['Tan, M.', 'Le, Q. V.'],
    title: 'EfficientNet: Rethinking Model Scaling for Convolutional Neural Networks',
    venue: 'ICML',
    year: 2019,
    arxiv: '1905.11946',
    short: 'Tan & Le 2019',
  },
  vit: {
    authors: ['Dosovitskiy, A.', 'et al.'],
    title: 'An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale',
    venue: 'ICLR',
    year: 2021,
    arxiv: '2010.11929',
    short: 'Dosovitskiy et al. 2021',
  },
  convnext: {
    authors: ['Liu, Z.', 'Mao, H.', 'Wu, C.-Y.', 'Feichtenhofer, C.', 'Darrell, T.', 'Xie, S.'],
    title: 'A ConvNet for the 2020s',
    venue: 'CVPR',
    year: 2022,
    arxiv: '2201.03545',
    short: 'Liu et al. 2022',
  },
  attention: {
    authors: ['Vaswani, A.', 'et al.'],
    title: 'Attention Is All You Need',
    venue: 'NIPS',
    year: 2017,
    arxiv: '1706.03762',
    short: 'Vaswani et al. 2017',
  },
  torchvision: {
    authors: ['TorchVision maintainers and contributors'],
    title: 'TorchVision: ResNet model builders (documentation of torchvision.models.resnet)',
    venue: 'PyTorch documentation',
    year: 2016,
    url: 'https://pytorch.org/vision/stable/models/resnet.html',
    short: 'TorchVision docs',
  },
  mitchell1980: {
    authors: ['Mitchell, T. M.'],
    title: 'The Need for Biases in Learning Generalizations',
    venue: 'Technical Report CBM-TR-117, Rutgers University',
    year: 1980,
    url: 'https://www.cs.cmu.edu/~tom/pubs/NeedForBias_1980.pdf',
    short: 'Mitchell 1980',
  },
  mnist: {
    authors: ['LeCun, Y.', 'Cortes, C.', 'Burges, C. J. C.'],
    title: 'The MNIST database of handwritten digits',
    venue: 'dataset, Courant Institute, NYU; Google Labs; Microsoft Research',
    year: 1998,
    url: 'http://yann.lecun.com/exdb/mnist/',
    short: 'LeCun et al. 1998 (MNIST)',
  },
  adam: {
    authors: ['Kingma, D. P.', 'Ba, J.'],
    title: 'Adam: A Method for Stochastic Optimization',
    venue: 'ICLR',
    year: 2015,
    arxiv: '1412.6980',
    short: 'Kingma & Ba 2015',
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof bibliography;

/** The landing address of a source: arXiv abstract, else DOI resolver, else its URL. */
export function sourceHref(s: Source): string {
  if (s.arxiv) return `https://arxiv.org/abs/${s.arxiv}`;
  if (s.doi) return `https://doi.org/${s.doi}`;
  return s.url ?? '';
}
